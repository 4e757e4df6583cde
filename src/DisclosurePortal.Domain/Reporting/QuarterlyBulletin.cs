using System.Text.Json;

namespace DisclosurePortal.Domain.Reporting;

/// <summary>Where a 按季通报 edition stands (docs/adr/0036).</summary>
public enum BulletinState
{
    /// <summary>已冻结: the numbers are kept; the office writes its comment; it can be frozen again until published.</summary>
    Frozen = 1,
    /// <summary>已发布: the public reads it; the numbers and the comment do not change any more.</summary>
    Published = 2,
    /// <summary>已更正: a later edition of the same quarter was published in its place; kept as it was.</summary>
    Superseded = 3,
}

/// <summary>One domain × stage line of a unit in a frozen report, with the names as they were at the freeze.</summary>
public sealed record FrozenStage(int DomainId, string DomainZh, string DomainEn, int StageId, string StageZh, string StageEn, TimelinessCounts Counts);

/// <summary>One unit's line in a frozen report: its rank, its three obligations and its details by domain and stage.</summary>
public sealed record FrozenUnit(int DepartmentId, string Name, int Rank, TimelinessCounts Records, TimelinessCounts Interpretations,
    TimelinessCounts Applications, IReadOnlyList<FrozenStage> Stages)
{
    public bool SameFiguresAs(FrozenUnit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Records == other.Records && Interpretations == other.Interpretations && Applications == other.Applications && Rank == other.Rank;
    }
}

/// <summary>A unit whose figures differ between the frozen report and the live computation (either side may be absent).</summary>
public sealed record SnapshotDifference(int DepartmentId, string Name, FrozenUnit? Frozen, FrozenUnit? Live);

/// <summary>
/// The 按季通报 as numbers kept as data (docs/adr/0036): every unit's line and details, ranked, with the names of the
/// units, domains and stages as they were, so that later records, renames and calendar changes do not move it.
/// </summary>
public sealed record QuarterSnapshot(int Year, int QuarterNumber, DateOnly AsOf, IReadOnlyList<FrozenUnit> Units, TimelinessCounts UnassignedApplications)
{
    public TimelinessCounts TotalRecords => Units.Aggregate(TimelinessCounts.Zero, (s, u) => s + u.Records);
    public TimelinessCounts TotalInterpretations => Units.Aggregate(TimelinessCounts.Zero, (s, u) => s + u.Interpretations);
    public TimelinessCounts TotalApplications => Units.Aggregate(UnassignedApplications, (s, u) => s + u.Applications);

    /// <summary>The units in the order of the ranking (ranked first, then those with nothing due).</summary>
    public static QuarterSnapshot From(QuarterlyReportResult report, IReadOnlyDictionary<int, string> unitNames,
        IReadOnlyDictionary<int, (string Zh, string En, int Order)> domains, IReadOnlyDictionary<int, (string Zh, string En, int Order)> stages)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(unitNames);
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(stages);
        var byUnit = report.StageCells.GroupBy(c => c.Key.DepartmentId).ToDictionary(g => g.Key, g => g
            .OrderBy(c => domains[c.Key.DomainId].Order).ThenBy(c => stages[c.Key.StageId].Order)
            .Select(c => new FrozenStage(c.Key.DomainId, domains[c.Key.DomainId].Zh, domains[c.Key.DomainId].En,
                c.Key.StageId, stages[c.Key.StageId].Zh, stages[c.Key.StageId].En, c.Value))
            .ToList());
        var units = report.Ranking.Select(l => new FrozenUnit(l.DepartmentId, unitNames.GetValueOrDefault(l.DepartmentId, "#" + l.DepartmentId), l.Rank,
            l.Records, l.Interpretations, l.Applications, byUnit.GetValueOrDefault(l.DepartmentId) ?? [])).ToList();
        return new QuarterSnapshot(report.Quarter.Year, report.Quarter.Number, report.AsOf, units, report.UnassignedApplications);
    }

    /// <summary>The units whose line is not the same in <paramref name="live"/> (the office sees what moved since the freeze).</summary>
    public IReadOnlyList<SnapshotDifference> DifferencesFrom(QuarterSnapshot live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var frozen = Units.ToDictionary(u => u.DepartmentId);
        var now = live.Units.ToDictionary(u => u.DepartmentId);
        return [.. frozen.Keys.Union(now.Keys)
            .Select(id => (Id: id, Frozen: frozen.GetValueOrDefault(id), Live: now.GetValueOrDefault(id)))
            .Where(x => x.Frozen is null || x.Live is null || !x.Frozen.SameFiguresAs(x.Live))
            .Where(x => !(x.Frozen is null && x.Live is { Records.Due: 0, Interpretations.Due: 0, Applications.Due: 0 }))
            .Select(x => new SnapshotDifference(x.Id, (x.Frozen ?? x.Live)!.Name, x.Frozen, x.Live))
            .OrderBy(d => d.DepartmentId)];
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static QuarterSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<QuarterSnapshot>(json) ?? throw new InvalidOperationException("A frozen quarterly report could not be read.");
}

/// <summary>
/// 按季通报, frozen and published (issue 21 §3, docs/adr/0036). An edition keeps the report's numbers as of its freeze;
/// the office writes its comment (通报意见) and another reviewer publishes it. Until published it can be frozen again
/// (the numbers replaced); once published it does not change: a correction is a new edition of the same quarter, frozen
/// and published the same way, which supersedes the old one (kept, marked 已更正).
/// </summary>
public sealed class QuarterlyBulletin
{
    /// <summary>The comment is Markdown or plain paragraphs (ADR 24).</summary>
    public const int CommentMaxLength = 20000;

    private QuarterlyBulletin()
    {
        SnapshotJson = "{}";
        FrozenBy = FrozenById = string.Empty;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int QuarterNumber { get; private set; }

    /// <summary>版次: 1 for the first edition, one more for each correction after publication.</summary>
    public int Edition { get; private set; }
    public BulletinState State { get; private set; }

    /// <summary>The <see cref="QuarterSnapshot"/> as JSON: the numbers as of <see cref="AsOf"/>.</summary>
    public string SnapshotJson { get; private set; }

    /// <summary>数据截至: the day (China time) the numbers were computed.</summary>
    public DateOnly AsOf { get; private set; }
    public DateTimeOffset FrozenAt { get; private set; }
    public string FrozenById { get; private set; }
    public string FrozenBy { get; private set; }

    /// <summary>通报意见 (Markdown or plain paragraphs).</summary>
    public string? Comment { get; private set; }
    public string? CommentedById { get; private set; }
    public string? CommentedBy { get; private set; }
    public DateTimeOffset? CommentedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedById { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }
    public int Version { get; private set; }

    public Quarter Quarter => new(Year, QuarterNumber);

    /// <summary>
    /// 冻结: a quarter is reported once it has ended. A first edition; or, after publication, a correction (the next edition,
    /// starting from the published comment). An edition not yet published is frozen again with <see cref="Refreeze"/> instead.
    /// </summary>
    public static QuarterlyBulletin Freeze(QuarterSnapshot snapshot, QuarterlyBulletin? latest, DateOnly today, string actorId, string actorName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var quarter = new Quarter(snapshot.Year, snapshot.QuarterNumber);
        if (quarter.End >= today) throw new DomainException($"{quarter.Year}年第{quarter.Number}季度尚未结束，结束后才能冻结通报数据。");
        if (latest is { State: BulletinState.Frozen }) throw new DomainException("本季度通报已冻结尚未发布，请重新冻结该版本，而不是新建一版。");
        var bulletin = new QuarterlyBulletin
        {
            Year = quarter.Year,
            QuarterNumber = quarter.Number,
            Edition = (latest?.Edition ?? 0) + 1,
            State = BulletinState.Frozen,
            Comment = latest?.Comment,
        };
        bulletin.Keep(snapshot, actorId, actorName, now);
        return bulletin;
    }

    /// <summary>重新冻结: the numbers of an edition not yet published are replaced by today's.</summary>
    public void Refreeze(QuarterSnapshot snapshot, string actorId, string actorName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (State != BulletinState.Frozen) throw new DomainException("已发布的通报不能重新冻结；如需更正，请冻结更正版。");
        if (snapshot.Year != Year || snapshot.QuarterNumber != QuarterNumber) throw new DomainException("冻结的数据不属于本季度。");
        Keep(snapshot, actorId, actorName, now);
        Version++;
    }

    /// <summary>保存通报意见: only while frozen, not published.</summary>
    public void WriteComment(string? comment, string actorId, string actorName, DateTimeOffset now)
    {
        if (State != BulletinState.Frozen) throw new DomainException("已发布的通报不能修改通报意见；如需更正，请冻结更正版。");
        var text = Guard.Optional(comment) ?? throw new DomainException("请填写通报意见。");
        if (text.Length > CommentMaxLength) throw new DomainException("通报意见不能超过 20000 个字。");
        Comment = text;
        CommentedById = actorId;
        CommentedBy = actorName;
        CommentedAt = now;
        Version++;
    }

    /// <summary>
    /// 发布, by a reviewer who neither froze the numbers nor wrote the comment (four eyes, as for the annual report, ADR 12);
    /// the edition it corrects, if any, is superseded in the same change.
    /// </summary>
    public void Publish(QuarterlyBulletin? published, string actorId, string actorName, DateTimeOffset now)
    {
        if (State != BulletinState.Frozen) throw new DomainException("该版通报已发布。");
        if (Comment is null) throw new DomainException("发布前请填写通报意见。");
        if (actorId == FrozenById || actorId == CommentedById)
            throw new DomainException("冻结数据或撰写通报意见的人不能自己发布，请由另一位审核员发布。");
        if (published is not null)
        {
            if (published.Year != Year || published.QuarterNumber != QuarterNumber || published.State != BulletinState.Published)
                throw new DomainException("被更正的通报不是本季度已发布的通报。");
            published.State = BulletinState.Superseded;
            published.SupersededAt = now;
            published.Version++;
        }
        State = BulletinState.Published;
        PublishedAt = now;
        PublishedById = actorId;
        PublishedBy = actorName;
        Version++;
    }

    public QuarterSnapshot Snapshot() => QuarterSnapshot.FromJson(SnapshotJson);

    private void Keep(QuarterSnapshot snapshot, string actorId, string actorName, DateTimeOffset now)
    {
        SnapshotJson = snapshot.ToJson();
        AsOf = snapshot.AsOf;
        FrozenAt = now;
        FrozenById = actorId;
        FrozenBy = actorName;
    }
}
