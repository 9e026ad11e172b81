"""Password and recovery-code hashing with scrypt (memory-hard); nothing is kept in clear."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# 2**14 x 8 x 128 bytes = 16 MiB of memory per check, about 50 ms here.
N, R, P = 2**14, 8, 1
RECOVERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read off paper


def hash_secret(secret: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_secret(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        secret.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p),
        dklen=len(digest_hex) // 2,
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def new_recovery_code() -> str:
    """Twenty characters in four groups, e.g. 7KQ4M-PX2HD-9RWTB-3NFCE."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(20))
    return "-".join(chars[i : i + 5] for i in range(0, 20, 5))


def normalize_recovery_code(text: str) -> str:
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    return "-".join(cleaned[i : i + 5] for i in range(0, len(cleaned), 5))
