namespace DisclosurePortal.Domain.Publishing;

/// <summary>Where a record version is in the publication workflow (domain README §4).</summary>
public enum VersionState
{
    /// <summary>草稿 (also a version returned by the reviewer, which then carries the return reason).</summary>
    Draft = 1,
    /// <summary>待审核.</summary>
    Submitted = 2,
    /// <summary>已发布.</summary>
    Published = 3,
    /// <summary>已被新版本替代.</summary>
    Superseded = 4,
    /// <summary>已撤回.</summary>
    Withdrawn = 5,
    /// <summary>不予公开: never public, listed for periodic re-evaluation.</summary>
    Withheld = 6,
}

/// <summary>The explicit transition table; everything not listed is refused.</summary>
public static class VersionWorkflow
{
    private static readonly HashSet<(VersionState From, VersionState To)> Allowed =
    [
        (VersionState.Draft, VersionState.Submitted),
        (VersionState.Submitted, VersionState.Draft),      // returned with a reason
        (VersionState.Submitted, VersionState.Published),
        (VersionState.Submitted, VersionState.Withheld),
        (VersionState.Published, VersionState.Withdrawn),
        (VersionState.Published, VersionState.Superseded),
        (VersionState.Withheld, VersionState.Draft),       // re-evaluated: may now be disclosed
    ];

    public static bool CanMove(VersionState from, VersionState to) => Allowed.Contains((from, to));

    public static void EnsureCanMove(VersionState from, VersionState to)
    {
        if (!CanMove(from, to))
            throw new DomainException($"当前状态为“{Describe(from)}”，不能变更为“{Describe(to)}”。");
    }

    public static string Describe(VersionState state) => state switch
    {
        VersionState.Draft => "草稿",
        VersionState.Submitted => "待审核",
        VersionState.Published => "已发布",
        VersionState.Superseded => "已被替代",
        VersionState.Withdrawn => "已撤回",
        VersionState.Withheld => "不予公开",
        _ => state.ToString(),
    };
}
