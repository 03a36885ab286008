"""Reads a model file that torch.save wrote, without torch: tensors come back as numpy arrays.

The shipped models are torch checkpoints (training/ writes them with Stanza).
Importing torch costs about 1.3 s of every start on a 2-core machine, more than
half of it; the numpy runtime (`quotes.npmodels`) needs only the arrays and the
plain Python values (vocabularies, configuration) the file holds.

Both of torch's layouts are read: the zip archive of torch >= 1.6 (a pickle
whose tensors point at `data/<key>` entries) and the older single stream (a
pickle, then the list of storage keys, then each storage's element count and
bytes).  The tensors' bytes are read where the file is mapped into memory, with
no copy before they are widened or copied into arrays of their own (the zip
entries' checksums are not computed: 7 ms of the start).  Only plain Python
values and tensors are rebuilt; a file that pickles any other class is refused
with the class named, since unpickling it would run that class's code.
"""

from __future__ import annotations

import codecs
import collections
import io
import mmap
import pickle
import struct
import zipfile
from pathlib import Path

import numpy as np

# torch storage class name -> numpy dtype
_DTYPES = {
    "HalfStorage": np.float16, "FloatStorage": np.float32, "DoubleStorage": np.float64,
    "BFloat16Storage": None, "LongStorage": np.int64, "IntStorage": np.int32,
    "ShortStorage": np.int16, "CharStorage": np.int8, "ByteStorage": np.uint8, "BoolStorage": np.bool_,
}
_BUILTINS = {"set": set, "frozenset": frozenset, "tuple": tuple, "list": list, "dict": dict,
             "bytearray": bytearray, "bytes": bytes}
_LEGACY_MAGIC = 0x1950A86A20F9469CFC6C


class ModelFileError(ValueError):
    """A model file that is not a torch checkpoint this reader can rebuild."""


class _Storage:
    __slots__ = ("dtype", "key", "array")

    def __init__(self, dtype, key, array=None):
        self.dtype = dtype
        self.key = key
        self.array = array


def _view(storage: _Storage, offset, size, stride) -> np.ndarray:
    item = storage.array.itemsize
    return np.lib.stride_tricks.as_strided(storage.array[offset:], shape=tuple(size),
                                           strides=tuple(s * item for s in stride))


def _array(storage: _Storage, offset, size, stride, float32: bool) -> np.ndarray:
    view = _view(storage, offset, size, stride)
    if float32 and view.dtype in (np.float16, np.float64):
        return view.astype(np.float32, order="C")    # one copy, widened (or narrowed) on the way
    return np.array(view)    # owns its memory, C order


def _dtype_of(path, name: str):
    if name not in _DTYPES or _DTYPES[name] is None:
        raise ModelFileError(f"{path}: tensors of type {name} are not supported")
    return _DTYPES[name]


class _Unpickler(pickle.Unpickler):
    """Tensors become arrays as they are met, their storages' data read by `read(key,
    dtype)` (the zip layout); a tensor met before its data (the legacy layout, whose
    data follows the pickle) is an empty array of its shape, listed in `unfilled` with
    what fills it once the data is read."""

    def __init__(self, f, path, storages: dict, read=None, float32: bool = True):
        super().__init__(f, encoding="utf-8")
        self.path = path
        self.storages = storages
        self.read = read
        self.float32 = float32
        self.unfilled: list = []

    def _rebuild_tensor(self, storage, offset, size, stride, *_):
        if storage.array is not None:
            return _array(storage, offset, size, stride, self.float32)
        widened = self.float32 and storage.dtype in (np.float16, np.float64)
        out = np.empty(tuple(size), dtype=np.float32 if widened else storage.dtype)
        self.unfilled.append((out, storage, offset, size, stride))
        return out

    def find_class(self, module, name):
        if module == "collections" and name == "OrderedDict":
            return collections.OrderedDict
        if module == "torch._utils" and name in ("_rebuild_tensor_v2", "_rebuild_tensor"):
            return self._rebuild_tensor
        if module == "torch" and name.endswith("Storage"):
            return name
        if module == "builtins" and name in _BUILTINS:
            return _BUILTINS[name]
        if module == "_codecs" and name == "encode":     # how protocol 2 pickles bytes
            return codecs.encode
        raise ModelFileError(f"{self.path}: holds an object of class {module}.{name}, which a model file should not")

    def persistent_load(self, saved_id):
        if not isinstance(saved_id, tuple) or saved_id[0] != "storage":
            raise ModelFileError(f"{self.path}: unexpected persistent id {saved_id!r:.60}")
        storage_type, key = saved_id[1], str(saved_id[2])
        if key not in self.storages:
            dtype = _dtype_of(self.path, storage_type)
            self.storages[key] = _Storage(dtype, key, self.read(key, dtype) if self.read else None)
        return self.storages[key]


def load(path, float32: bool = True):
    """The object torch.save wrote to `path`, tensors as numpy arrays (floats as float32 by default)."""
    path = Path(path)
    storages: dict = {}
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                pickled = [n for n in archive.namelist() if n.endswith("/data.pkl") or n == "data.pkl"]
                if len(pickled) != 1:
                    raise ModelFileError(f"{path}: no single data.pkl in the archive")
                prefix = pickled[0][: -len("data.pkl")]

                with open(path, "rb") as f:
                    mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)

                def read(key, dtype):
                    info = archive.getinfo(f"{prefix}data/{key}")
                    if info.compress_type != zipfile.ZIP_STORED:
                        return np.frombuffer(archive.read(info), dtype=dtype)
                    # torch stores its entries as they are: their bytes are read where the file
                    # maps them, past the entry's local header (30 bytes, its name, its extra)
                    name_len, extra_len = struct.unpack("<HH", mapped[info.header_offset + 26: info.header_offset + 30])
                    start = info.header_offset + 30 + name_len + extra_len
                    return np.frombuffer(mapped, dtype=dtype, count=info.file_size // np.dtype(dtype).itemsize, offset=start)

                return _Unpickler(io.BytesIO(archive.read(pickled[0])), path, storages, read, float32).load()
        with open(path, "rb") as f:
            return _legacy(f, path, storages, float32)
    except ModelFileError:
        raise
    except (OSError, pickle.UnpicklingError, EOFError, zipfile.BadZipFile, struct.error, ValueError) as exc:
        raise ModelFileError(f"{path}: not a readable model file: {exc}") from exc


def _legacy(f, path, storages, float32: bool):
    """torch's single-stream layout: the object's pickle, then its storages' keys and data.
    The pickle is read once: each tensor is an empty array until the data that follows is
    read, then filled in place (reading the pickle a second time, with the data known,
    built the 60,000 words of the pretrained vectors' vocabulary twice; a walk over the
    object to put the arrays in took 0.1 s)."""
    header = _Unpickler(f, path, storages)
    if header.load() != _LEGACY_MAGIC:
        raise ModelFileError(f"{path}: neither a zip archive nor torch's legacy format")
    header.load()       # protocol version
    header.load()       # system information
    main = _Unpickler(f, path, storages, float32=float32)
    value = main.load()
    keys = _Unpickler(f, path, storages).load()
    mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    for key in keys:
        storage = storages[str(key)]
        (count,) = struct.unpack("<q", f.read(8))
        size = count * np.dtype(storage.dtype).itemsize
        if f.tell() + size > len(mapped):
            raise ModelFileError(f"{path}: the data of storage {storage.key} is cut short")
        storage.array = np.frombuffer(mapped, dtype=storage.dtype, count=count, offset=f.tell())
        f.seek(size, io.SEEK_CUR)
    for out, storage, offset, size, stride in main.unfilled:
        if storage.array is None:
            raise ModelFileError(f"{path}: the data of storage {storage.key} is missing")
        out[...] = _view(storage, offset, size, stride)
    return value
