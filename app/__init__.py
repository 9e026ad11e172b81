"""村支部台账: the village party branch ledger."""

APP_NAME = "村支部台账"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cunzhibu-taizhang")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    # Looked up on first use: reading package metadata costs ~40 ms, kept off start-up.
    if name == "__version__":
        return _version()
    raise AttributeError(name)
