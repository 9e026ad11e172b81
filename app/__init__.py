"""村支部台账: the village party branch ledger."""

APP_NAME = "村支部台账"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cunzhibu-taizhang")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


__version__ = _version()
