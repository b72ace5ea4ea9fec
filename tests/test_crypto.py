import base64
import secrets
import string

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given
from hypothesis import strategies as st

from shared.crypto import DecryptionError, TokenCipher, generate_key_hex
from shared.errors import ContestSyncError

KEY_A = bytes(range(32))
KEY_B = bytes(range(100, 132))
KEY_C = bytes(range(200, 232))
TOKEN = "1//0gRefreshTokenForTests-abcdefXYZ"
USER_ID = 42


def _go_envelope(key: bytes, plaintext: str, *, urlsafe: bool = False) -> str:
    """Build an envelope the way the Go service did: base64(nonce‖ct‖tag), no associated data."""
    nonce = secrets.token_bytes(12)
    raw = nonce + AESGCM(key).encrypt(nonce, plaintext.encode(), None)
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    return encode(raw).decode("ascii")


BASE64URL_ALPHABET = string.ascii_letters + string.digits + "-_"


def _replace_char(text: str, index: int, replacement: str | None = None) -> str:
    if replacement is None:
        replacement = next(c for c in BASE64URL_ALPHABET if c != text[index])
    return text[:index] + replacement + text[index + 1 :]


def test_encrypt_then_decrypt_returns_the_token() -> None:
    cipher = TokenCipher(KEY_A)

    assert cipher.decrypt(cipher.encrypt(TOKEN, USER_ID), USER_ID) == TOKEN


def test_envelope_is_v1_with_current_key_id_and_unpadded_base64url_body() -> None:
    cipher = TokenCipher(KEY_A)

    version, key_id, body = cipher.encrypt(TOKEN, USER_ID).split(".")

    assert (version, key_id) == ("v1", cipher.key_id)
    assert len(key_id) == 8
    assert set(body) <= set(BASE64URL_ALPHABET)
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    assert len(raw) == 12 + len(TOKEN.encode()) + 16


def test_key_id_is_stable_for_the_same_key() -> None:
    assert (
        TokenCipher(KEY_A).key_id == TokenCipher(bytes(KEY_A)).key_id != TokenCipher(KEY_B).key_id
    )


def test_two_encryptions_of_the_same_token_differ() -> None:
    cipher = TokenCipher(KEY_A)

    assert cipher.encrypt(TOKEN, USER_ID) != cipher.encrypt(TOKEN, USER_ID)


@pytest.mark.parametrize("suffix", ["", "a", "ab"])  # every length mod 3, so padding bits too
def test_tampering_any_character_of_the_body_fails(suffix: str) -> None:
    cipher = TokenCipher(KEY_A)
    envelope = cipher.encrypt(TOKEN + suffix, USER_ID)
    header_length = envelope.rindex(".") + 1

    # Every other character at every position, including the last one's unused low bits.
    for index in range(header_length, len(envelope)):
        for replacement in BASE64URL_ALPHABET.replace(envelope[index], ""):
            with pytest.raises(DecryptionError):
                cipher.decrypt(_replace_char(envelope, index, replacement), USER_ID)


def test_flipping_any_byte_of_nonce_ciphertext_or_tag_fails() -> None:
    cipher = TokenCipher(KEY_A)
    header, body = cipher.encrypt(TOKEN, USER_ID).rsplit(".", 1)
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))

    for index in range(len(raw)):
        tampered = raw[:index] + bytes([raw[index] ^ 0x01]) + raw[index + 1 :]
        tampered_body = base64.urlsafe_b64encode(tampered).rstrip(b"=").decode()
        with pytest.raises(DecryptionError):
            cipher.decrypt(f"{header}.{tampered_body}", USER_ID)


def test_truncated_envelope_fails() -> None:
    cipher = TokenCipher(KEY_A)
    envelope = cipher.encrypt(TOKEN, USER_ID)

    with pytest.raises(DecryptionError):
        cipher.decrypt(envelope[:-4], USER_ID)


def test_decrypting_for_another_user_fails() -> None:
    cipher = TokenCipher(KEY_A)
    envelope = cipher.encrypt(TOKEN, USER_ID)

    with pytest.raises(DecryptionError):
        cipher.decrypt(envelope, USER_ID + 1)


def test_decrypting_with_a_wrong_key_under_the_same_key_id_fails() -> None:
    envelope = TokenCipher(KEY_A).encrypt(TOKEN, USER_ID)
    other = TokenCipher(KEY_B)
    _, _, body = envelope.split(".")

    with pytest.raises(DecryptionError):
        other.decrypt(f"v1.{other.key_id}.{body}", USER_ID)


def test_decrypting_under_an_unknown_key_id_fails() -> None:
    envelope = TokenCipher(KEY_A).encrypt(TOKEN, USER_ID)

    with pytest.raises(DecryptionError, match="unknown key"):
        TokenCipher(KEY_B, [KEY_C]).decrypt(envelope, USER_ID)


def test_token_under_an_old_key_still_decrypts_after_rotation() -> None:
    envelope = TokenCipher(KEY_A).encrypt(TOKEN, USER_ID)

    assert TokenCipher(KEY_B, [KEY_A]).decrypt(envelope, USER_ID) == TOKEN


def test_token_under_an_old_key_needs_rotation() -> None:
    envelope = TokenCipher(KEY_A).encrypt(TOKEN, USER_ID)

    assert TokenCipher(KEY_B, [KEY_A]).needs_rotation(envelope) is True


def test_token_under_the_current_key_does_not_need_rotation() -> None:
    cipher = TokenCipher(KEY_B, [KEY_A])

    assert cipher.needs_rotation(cipher.encrypt(TOKEN, USER_ID)) is False


def test_reencrypting_after_rotation_uses_the_current_key() -> None:
    rotated = TokenCipher(KEY_B, [KEY_A])
    old_envelope = TokenCipher(KEY_A).encrypt(TOKEN, USER_ID)

    new_envelope = rotated.encrypt(rotated.decrypt(old_envelope, USER_ID), USER_ID)

    assert new_envelope.split(".")[1] == rotated.key_id == TokenCipher(KEY_B).key_id
    assert rotated.needs_rotation(new_envelope) is False
    assert TokenCipher(KEY_B).decrypt(new_envelope, USER_ID) == TOKEN


def test_legacy_go_envelope_decrypts() -> None:
    envelope = _go_envelope(KEY_A, TOKEN)

    assert TokenCipher(KEY_A).decrypt(envelope, USER_ID) == TOKEN


def test_legacy_go_envelope_in_urlsafe_base64_decrypts() -> None:
    envelope = _go_envelope(KEY_A, TOKEN + "??>>~~", urlsafe=True)

    assert TokenCipher(KEY_A).decrypt(envelope, USER_ID) == TOKEN + "??>>~~"


def test_legacy_go_envelope_under_an_old_key_decrypts() -> None:
    envelope = _go_envelope(KEY_A, TOKEN)

    assert TokenCipher(KEY_B, [KEY_C, KEY_A]).decrypt(envelope, USER_ID) == TOKEN


def test_legacy_go_envelope_needs_rotation() -> None:
    envelope = _go_envelope(KEY_A, TOKEN)

    assert TokenCipher(KEY_A).needs_rotation(envelope) is True


def test_legacy_go_envelope_under_an_unlisted_key_fails() -> None:
    envelope = _go_envelope(KEY_C, TOKEN)

    with pytest.raises(DecryptionError):
        TokenCipher(KEY_A, [KEY_B]).decrypt(envelope, USER_ID)


@pytest.mark.parametrize(
    "envelope",
    [
        "",
        "v1.",
        "v1..",
        "v2.x.y",
        "v1.zzzzzzzz.AAAA",
        "v1.abcd1234",
        "v1.abcd1234.AAAA.AAAA",
        "v1.abcd1234.not base64!",
        "not base64 at all!",
        "AAAA",
        "====",
        "QUJD=QUJD",
        "tökén",
    ],
)
def test_garbage_envelope_raises_decryption_error(envelope: str) -> None:
    with pytest.raises(DecryptionError):
        TokenCipher(KEY_A).decrypt(envelope, USER_ID)


@pytest.mark.parametrize("envelope", ["", "v1.", "v2.x.y", "not base64 at all!"])
def test_needs_rotation_on_garbage_raises_decryption_error(envelope: str) -> None:
    with pytest.raises(DecryptionError):
        TokenCipher(KEY_A).needs_rotation(envelope)


def test_decryption_error_is_a_contestsync_error() -> None:
    assert issubclass(DecryptionError, ContestSyncError)


def test_bad_hex_key_raises_value_error_without_the_value() -> None:
    bad = "zz" + generate_key_hex()[2:]

    with pytest.raises(ValueError, match="ENCRYPTION_KEY must be 64 hex characters") as info:
        TokenCipher.from_hex(bad)

    assert bad not in str(info.value)
    assert bad[2:20] not in str(info.value)


def test_short_hex_key_raises_value_error_without_the_value() -> None:
    short = generate_key_hex()[:62]

    with pytest.raises(ValueError, match="ENCRYPTION_KEY must be 64 hex characters") as info:
        TokenCipher.from_hex(short)

    assert short not in str(info.value)


def test_bad_old_hex_key_raises_value_error_without_the_value() -> None:
    bad_old = generate_key_hex() + "00"

    with pytest.raises(ValueError, match="ENCRYPTION_KEY must be 64 hex characters") as info:
        TokenCipher.from_hex(generate_key_hex(), [bad_old])

    assert bad_old not in str(info.value)


def test_wrong_length_key_bytes_raise_value_error() -> None:
    with pytest.raises(ValueError, match="ENCRYPTION_KEY must be 32 bytes"):
        TokenCipher(KEY_A[:16])


def test_from_hex_matches_the_byte_keys() -> None:
    from_hex = TokenCipher.from_hex(KEY_B.hex(), [KEY_A.hex().upper()])
    envelope = TokenCipher(KEY_A).encrypt(TOKEN, USER_ID)

    assert from_hex.key_id == TokenCipher(KEY_B).key_id
    assert from_hex.decrypt(envelope, USER_ID) == TOKEN


def test_generated_key_is_64_hex_characters_and_usable() -> None:
    key_hex = generate_key_hex()

    assert len(key_hex) == 64
    assert generate_key_hex() != key_hex
    cipher = TokenCipher.from_hex(key_hex)
    assert cipher.decrypt(cipher.encrypt(TOKEN, USER_ID), USER_ID) == TOKEN


def test_repr_hides_the_keys() -> None:
    cipher = TokenCipher(KEY_A, [KEY_B])

    text = repr(cipher) + str(cipher)

    for key in (KEY_A, KEY_B):
        assert key.hex() not in text
        assert key.hex().upper() not in text
        assert repr(key) not in text
    assert cipher.key_id in text


def test_decryption_error_messages_hold_neither_plaintext_nor_key() -> None:
    cipher = TokenCipher(KEY_A, [KEY_B])
    envelope = cipher.encrypt(TOKEN, USER_ID)
    failures = [
        (envelope, USER_ID + 1),
        (TokenCipher(KEY_C).encrypt(TOKEN, USER_ID), USER_ID),
        (_go_envelope(KEY_C, TOKEN), USER_ID),
        (_replace_char(envelope, len(envelope) - 5), USER_ID),
        ("v2.x.y", USER_ID),
    ]

    for bad_envelope, user_id in failures:
        with pytest.raises(DecryptionError) as info:
            cipher.decrypt(bad_envelope, user_id)
        message = str(info.value)
        assert TOKEN not in message
        assert bad_envelope not in message
        for key in (KEY_A, KEY_B, KEY_C):
            assert key.hex() not in message
            assert repr(key) not in message


@given(plaintext=st.text(), user_id=st.integers())
def test_any_text_and_user_id_round_trip(plaintext: str, user_id: int) -> None:
    cipher = TokenCipher(KEY_A)

    assert cipher.decrypt(cipher.encrypt(plaintext, user_id), user_id) == plaintext
