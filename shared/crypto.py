"""Refresh-token encryption: AES-256-GCM bound to the user id, with key rotation.

Envelope written today: ``v1.<key_id>.<body>`` where ``body`` is unpadded base64url of
nonce(12) ‖ ciphertext ‖ tag(16), and the associated data is ``b"user:<user_id>"``, so a token
copied onto another user's row does not decrypt. ``key_id`` names the key, so old keys can stay
listed while rows are re-encrypted under the current one.

Still readable: the Go service's format, standard base64 (padded; url-safe accepted) of
nonce ‖ ciphertext ‖ tag with no associated data. It never contains a ``.``, which is how the two
formats are told apart.

Nothing here puts key material, plaintext or the envelope into a message or a repr.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Sequence
from typing import Self

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from shared.errors import ContestSyncError

KEY_BYTES = 32
NONCE_BYTES = 12
_TAG_BYTES = 16
_MIN_RAW_BYTES = NONCE_BYTES + _TAG_BYTES
_VERSION = "v1"
_KEY_ID_PREFIX = b"contestsync-key-id:"
_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
_KEY_ID = re.compile(r"[0-9a-f]{8}")
_BASE64URL_BODY = re.compile(r"[A-Za-z0-9_-]+")
_LEGACY_BODY = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")


class DecryptionError(ContestSyncError):
    """An envelope could not be decrypted; the message never holds keys, plaintext or ciphertext."""


def generate_key_hex() -> str:
    """Return a new random 32-byte key as 64 hex characters, fit for ENCRYPTION_KEY."""
    return secrets.token_hex(KEY_BYTES)


def _key_digest(key: bytes) -> bytes:
    # Domain-separated so the id is not the plain hash of the key used anywhere else.
    return hashlib.sha256(_KEY_ID_PREFIX + key).digest()


def _key_id(key: bytes) -> str:
    return _key_digest(key).hex()[:8]


def _associated_data(user_id: int) -> bytes:
    if isinstance(user_id, bool) or not isinstance(user_id, int):
        raise TypeError("user_id must be an int")
    return f"user:{user_id}".encode("ascii")


def _which(index: int) -> str:
    return "" if index == 0 else f" (old key {index})"


def _check_key(key: bytes, index: int) -> bytes:
    if not isinstance(key, (bytes, bytearray, memoryview)):
        raise TypeError(f"ENCRYPTION_KEY must be bytes{_which(index)}")
    key = bytes(key)
    if len(key) != KEY_BYTES:
        raise ValueError(f"ENCRYPTION_KEY must be {KEY_BYTES} bytes{_which(index)}")
    return key


def _parse_hex_key(value: str, index: int) -> bytes:
    # The value itself is never part of the message: it may be (nearly) a real key.
    if not isinstance(value, str) or not _HEX_KEY.fullmatch(value.strip()):
        raise ValueError(f"ENCRYPTION_KEY must be 64 hex characters{_which(index)}")
    return bytes.fromhex(value.strip())


def _decode_v1_body(body: str) -> bytes:
    if not _BASE64URL_BODY.fullmatch(body):
        raise DecryptionError("malformed envelope")
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError:
        raise DecryptionError("malformed envelope") from None
    # Only the canonical encoding is accepted, so no two envelope strings carry the same bytes.
    if base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii") != body:
        raise DecryptionError("malformed envelope")
    if len(raw) < _MIN_RAW_BYTES:
        raise DecryptionError("malformed envelope")
    return raw


def _decode_legacy(envelope: str) -> bytes:
    if not _LEGACY_BODY.fullmatch(envelope):
        raise DecryptionError("malformed envelope")
    standard = envelope.replace("-", "+").replace("_", "/")
    padded = standard + "=" * (-len(standard) % 4)
    try:
        raw = base64.b64decode(padded, validate=True)
    except ValueError:
        raise DecryptionError("malformed envelope") from None
    if base64.b64encode(raw).decode("ascii") != padded:
        raise DecryptionError("malformed envelope")
    if len(raw) < _MIN_RAW_BYTES:
        raise DecryptionError("malformed envelope")
    return raw


def _parse(envelope: str) -> tuple[str | None, bytes]:
    """Split an envelope into (key id, nonce‖ciphertext‖tag); key id None means legacy."""
    if not isinstance(envelope, str) or not envelope or not envelope.isascii():
        raise DecryptionError("malformed envelope")
    if "." not in envelope:
        return None, _decode_legacy(envelope)
    parts = envelope.split(".")
    if parts[0] != _VERSION:
        raise DecryptionError("unsupported envelope version")
    if len(parts) != 3 or not _KEY_ID.fullmatch(parts[1]):
        raise DecryptionError("malformed envelope")
    return parts[1], _decode_v1_body(parts[2])


def _open(aead: AESGCM, raw: bytes, associated_data: bytes | None) -> str | None:
    try:
        plaintext = aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated_data)
    except InvalidTag:
        return None
    try:
        return plaintext.decode("utf-8")
    except UnicodeDecodeError:
        # The exception text would quote plaintext bytes.
        raise DecryptionError("decrypted token is not UTF-8") from None


class TokenCipher:
    """Encrypts refresh tokens under the current key and decrypts under current or old keys."""

    __slots__ = ("_aeads", "_current_id")

    def __init__(self, current: bytes, old: Sequence[bytes] = ()) -> None:
        if isinstance(old, (bytes, bytearray, memoryview)):
            raise TypeError("old must be a sequence of keys, not a single key")
        current = _check_key(current, 0)
        self._current_id = _key_id(current)
        # Raw key bytes are not kept as attributes: only AESGCM objects and the key digest,
        # which tells a key listed twice (ignored) from a key-id collision (refused).
        self._aeads: dict[str, tuple[bytes, AESGCM]] = {}
        self._add(current)
        for index, key in enumerate(old, start=1):
            self._add(_check_key(key, index))

    def _add(self, key: bytes) -> None:
        digest = _key_digest(key)
        key_id = digest.hex()[:8]
        known = self._aeads.get(key_id)
        if known is not None:
            if known[0] != digest:
                raise ValueError("two encryption keys share a key id; generate a new key")
            return
        self._aeads[key_id] = (digest, AESGCM(key))

    @classmethod
    def from_hex(cls, current_hex: str, old_hex: Sequence[str] = ()) -> Self:
        """Build a cipher from 64-hex-character keys, e.g. the ENCRYPTION_KEY setting."""
        if isinstance(old_hex, str):
            raise TypeError("old_hex must be a sequence of keys, not a single key")
        current = _parse_hex_key(current_hex, 0)
        old = [_parse_hex_key(value, index) for index, value in enumerate(old_hex, start=1)]
        return cls(current, old)

    @property
    def key_id(self) -> str:
        """Id of the current key, as written in new envelopes."""
        return self._current_id

    def encrypt(self, plaintext: str, user_id: int) -> str:
        """Encrypt a token for one user under the current key; returns a v1 envelope."""
        try:
            data = plaintext.encode("utf-8")
        except UnicodeEncodeError:
            # The exception text would quote part of the plaintext.
            raise ValueError("plaintext is not valid Unicode") from None
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aeads[self._current_id][1].encrypt(nonce, data, _associated_data(user_id))
        body = base64.urlsafe_b64encode(nonce + sealed).rstrip(b"=").decode("ascii")
        return f"{_VERSION}.{self._current_id}.{body}"

    def decrypt(self, envelope: str, user_id: int) -> str:
        """Decrypt a v1 or legacy Go envelope for one user; DecryptionError on any failure."""
        associated_data = _associated_data(user_id)
        key_id, raw = _parse(envelope)
        if key_id is None:
            # The Go service used no associated data and no key id: try every key, current first.
            for _, aead in self._aeads.values():
                plaintext = _open(aead, raw, None)
                if plaintext is not None:
                    return plaintext
            raise DecryptionError("legacy envelope does not decrypt under any configured key")
        known = self._aeads.get(key_id)
        if known is None:
            raise DecryptionError("encrypted with an unknown key")
        plaintext = _open(known[1], raw, associated_data)
        if plaintext is None:
            raise DecryptionError("envelope failed authentication (tampered, other user or key)")
        return plaintext

    def needs_rotation(self, envelope: str) -> bool:
        """True if the envelope is legacy or under an old key; DecryptionError if malformed."""
        key_id, _ = _parse(envelope)
        return key_id != self._current_id

    def __repr__(self) -> str:
        old_ids = [key_id for key_id in self._aeads if key_id != self._current_id]
        return f"TokenCipher(key_id={self._current_id!r}, old_key_ids={old_ids!r})"
