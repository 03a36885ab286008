"""Reads a model file that torch.save wrote, without torch: tensors come back as numpy arrays.

The shipped models are torch checkpoints (training/ writes them with Stanza).
Importing torch costs about 1.3 s of every start on a 2-core machine, more than
half of it; the numpy runtime (`quotes.npmodels`) needs only the arrays and the
plain Python values (vocabularies, configuration) the file holds.

Both of torch's layouts are read: the zip archive of torch >= 1.6 (a pickle
whose tensors point at `data/<key>` entries) and the older single stream (a
pickle, then the list of storage keys, then each storage's element count and
bytes).  Only plain Python values and tensors are rebuilt; a file that pickles
any other class is refused with the class named, since unpickling it would run
that class's code.
"""

from __future__ import annotations

import codecs
import collections
import io
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

    def __init__(self, dtype, key):
        self.dtype = dtype
        self.key = key
        self.array = None


def _rebuild_tensor(storage, offset, size, stride, *_):
    return ("tensor", storage, offset, tuple(size), tuple(stride))


def _dtype_of(path, name: str):
    if name not in _DTYPES or _DTYPES[name] is None:
        raise ModelFileError(f"{path}: tensors of type {name} are not supported")
    return _DTYPES[name]


class _Unpickler(pickle.Unpickler):
    def __init__(self, f, path, storages: dict):
        super().__init__(f, encoding="utf-8")
        self.path = path
        self.storages = storages

    def find_class(self, module, name):
        if module == "collections" and name == "OrderedDict":
            return collections.OrderedDict
        if module == "torch._utils" and name in ("_rebuild_tensor_v2", "_rebuild_tensor"):
            return _rebuild_tensor
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
            self.storages[key] = _Storage(_dtype_of(self.path, storage_type), key)
        return self.storages[key]


def _materialise(obj, float32: bool):
    """Tensor placeholders replaced by arrays, recursively."""
    if isinstance(obj, tuple) and len(obj) == 5 and obj[0] == "tensor" and isinstance(obj[1], _Storage):
        _, storage, offset, size, stride = obj
        item = storage.array.itemsize
        array = np.lib.stride_tricks.as_strided(storage.array[offset:], shape=size,
                                                strides=tuple(s * item for s in stride))
        array = np.array(array)    # owns its memory, C order
        if float32 and array.dtype in (np.float16, np.float64):
            array = array.astype(np.float32)
        return array
    if isinstance(obj, dict):
        out = type(obj)() if isinstance(obj, collections.OrderedDict) else {}
        for k, v in obj.items():
            out[k] = _materialise(v, float32)
        return out
    if isinstance(obj, list):
        return [_materialise(v, float32) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_materialise(v, float32) for v in obj)
    return obj


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
                obj = _Unpickler(io.BytesIO(archive.read(pickled[0])), path, storages).load()
                for key, storage in storages.items():
                    storage.array = np.frombuffer(archive.read(f"{prefix}data/{key}"), dtype=storage.dtype)
        else:
            with open(path, "rb") as f:
                obj = _legacy(f, path, storages)
    except ModelFileError:
        raise
    except (OSError, pickle.UnpicklingError, EOFError, zipfile.BadZipFile, struct.error, ValueError) as exc:
        raise ModelFileError(f"{path}: not a readable model file: {exc}") from exc
    return _materialise(obj, float32)


def _legacy(f, path, storages):
    plain = _Unpickler(f, path, storages)
    if plain.load() != _LEGACY_MAGIC:
        raise ModelFileError(f"{path}: neither a zip archive nor torch's legacy format")
    plain.load()        # protocol version
    plain.load()        # system information
    obj = _Unpickler(f, path, storages).load()
    keys = _Unpickler(f, path, storages).load()
    for key in keys:
        storage = storages[str(key)]
        (count,) = struct.unpack("<q", f.read(8))
        size = count * np.dtype(storage.dtype).itemsize
        storage.array = np.frombuffer(f.read(size), dtype=storage.dtype)
    return obj
