"""Exit codes of the headless commands: 0 done, 1 a check failed, 2 the user must change something,
3 the program itself went wrong (logged in full; nothing the user typed was at fault)."""

EXIT_OK, EXIT_FAILED, EXIT_USER_ERROR, EXIT_PROGRAM_FAULT = 0, 1, 2, 3


def refuse_import(problems: list[str], closing: str, limit: int | None = None) -> int:
    """An import refused for its rows' problems: each problem (the first ``limit`` of them and how
    many more), then ``closing`` saying nothing was written; the user-error exit code."""
    shown = problems if limit is None else problems[:limit]
    for line in shown:
        print(line)
    if len(problems) > len(shown):
        print(f"……另有 {len(problems) - len(shown)} 处问题")
    print(closing)
    return EXIT_USER_ERROR
