using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Flowcharts;

namespace DisclosurePortal.Domain.Powers;

/// <summary>One step of a power's flowchart as typed: who acts, what they do, in what time (optional).</summary>
public sealed record PowerStepDraft(string Actor, string Action, string? TimeLimit);

/// <summary>What a department types for a power of its 权责清单.</summary>
public sealed record PowerDraft
{
    public required string Name { get; init; }
    public required PowerCategory Category { get; init; }
    public required string LegalBasis { get; init; }
    public required string Office { get; init; }
    public string? Staff { get; init; }
    public required IReadOnlyList<PowerStepDraft> Steps { get; init; }
}

/// <summary>
/// A power of a department's 权责清单 (issue 20 §5; county plan: 逐项列明权力名称、类别、法律依据、承办机构、承办人员,
/// with its 权力运行流程图). Every change is a new revision that the office reviews before it is public (domain README §4);
/// the published revision stays public until the next one is approved, and superseded revisions are kept as history.
/// A change to a public power carries the day the power changed, from which its revised flowchart is due within
/// <see cref="PowerRules.FlowchartWorkingDays"/> working days.
/// </summary>
public sealed class Power
{
    public const int MaxNameLength = Flowchart.MaxTitleLength;
    public const int MaxLegalBasisLength = 4000;
    public const int MaxOfficeLength = 100;
    public const int MaxStaffLength = 200;

    private readonly List<PowerRevision> _revisions = [];
    private readonly List<PowerEvent> _events = [];

    private Power()
    {
    }

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PowerRevision> Revisions => _revisions;
    public IReadOnlyList<PowerEvent> Events => _events;

    /// <summary>The revision the public reads, if any.</summary>
    public PowerRevision? Published => _revisions.SingleOrDefault(r => r.State == PowerRevisionState.Published);

    /// <summary>The revision being drafted or reviewed, if any (at most one).</summary>
    public PowerRevision? Open => _revisions.SingleOrDefault(r => r.State is PowerRevisionState.Draft or PowerRevisionState.Submitted);

    public static Power Create(int departmentId, PowerDraft draft, string actorName, string? actorId, DateTimeOffset now)
    {
        var power = new Power { DepartmentId = departmentId, CreatedAt = now, UpdatedAt = now, Version = 1 };
        power._revisions.Add(PowerRevision.Start(1, draft, changedOn: null, now));
        power.Add(PowerEventKind.Created, actorName, actorId, now, Validated(draft).Name);
        return power;
    }

    /// <summary>
    /// Saves what the editor typed: into the open draft, or — for a public power with no open revision — as a new revision,
    /// a change that starts the flowchart deadline. <paramref name="changedOn"/> is required for a change to a public
    /// power (the day the power changed, not after today) and ignored for a power not yet public.
    /// </summary>
    public void Save(PowerDraft draft, DateOnly? changedOn, DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        Validated(draft);
        var published = Published;
        DateOnly? change = null;
        if (published is not null)
        {
            change = changedOn ?? throw new DomainException("请填写权力事项发生变化的日期。");
            if (change > today) throw new DomainException("变化日期不能晚于今天。");
            if (change < published.PublishedOn) throw new DomainException("变化日期不能早于现行版本的公开日期。");
        }
        switch (Open)
        {
            case { State: PowerRevisionState.Submitted }:
                throw new DomainException("该权力事项已提交审核，审核完成前不能修改。");
            case { } open:
                open.Update(draft, change);
                Add(PowerEventKind.Edited, actorName, actorId, now, draft.Name.Trim());
                break;
            default:
                var number = _revisions.Max(r => r.Number) + 1;
                _revisions.Add(PowerRevision.Start(number, draft, change, now));
                Add(PowerEventKind.ChangeStarted, actorName, actorId, now, $"第{number}版，变化日期{change:yyyy-MM-dd}");
                break;
        }
        Touch(now);
    }

    public void Submit(string actorName, string? actorId, DateTimeOffset now)
    {
        if (Open is not { State: PowerRevisionState.Draft } open) throw new DomainException("没有可提交审核的草稿。");
        open.MoveTo(PowerRevisionState.Submitted, now);
        open.ReturnReason = null;
        Touch(now);
        Add(PowerEventKind.Submitted, actorName, actorId, now, $"第{open.Number}版");
    }

    /// <summary>The office approves: the revision becomes the public one, the previous public one is kept as history.</summary>
    public void Approve(DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        if (Open is not { State: PowerRevisionState.Submitted } open) throw new DomainException("该权力事项不在审核队列中。");
        Published?.MoveTo(PowerRevisionState.Superseded, now);
        open.MoveTo(PowerRevisionState.Published, now);
        open.PublishedOn = today;
        Touch(now);
        Add(PowerEventKind.Approved, actorName, actorId, now, $"第{open.Number}版");
    }

    public void Return(string reason, string actorName, string? actorId, DateTimeOffset now)
    {
        if (Open is not { State: PowerRevisionState.Submitted } open) throw new DomainException("该权力事项不在审核队列中。");
        open.ReturnReason = Guard.Optional(reason) ?? throw new DomainException("请填写退回理由。");
        open.MoveTo(PowerRevisionState.Draft, now);
        Touch(now);
        Add(PowerEventKind.Returned, actorName, actorId, now, open.ReturnReason);
    }

    /// <summary>
    /// The flowchart deadline of the latest change (the open change, or the last published one that was a change), or
    /// null when the power has never been changed since it was first published.
    /// </summary>
    public (DateOnly DueOn, FlowchartTimeliness Status)? FlowchartDeadline(DateOnly today, WorkingCalendar calendar)
    {
        var latest = _revisions.Where(r => r.ChangedOn is not null && r.State != PowerRevisionState.Superseded).MaxBy(r => r.Number);
        if (latest?.ChangedOn is not { } changed) return null;
        var due = PowerRules.FlowchartDueOn(changed, calendar);
        return (due, PowerRules.Timeliness(due, latest.PublishedOn, today, calendar));
    }

    /// <summary>Checks a draft against the limits (its steps by building the flowchart they draw).</summary>
    public static PowerDraft Validated(PowerDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Text(draft.Name, "权力名称", MaxNameLength);
        if (!Enum.IsDefined(draft.Category)) throw new DomainException("请选择权力类别。");
        Text(draft.LegalBasis, "法律依据", MaxLegalBasisLength, multiLine: true);
        Text(draft.Office, "承办机构", MaxOfficeLength);
        if (Guard.Optional(draft.Staff) is { } staff) Text(staff, "承办人员", MaxStaffLength);
        PowerRevision.Draw(draft.Name, draft.Steps);
        return draft;
    }

    private static void Text(string? value, string what, int max, bool multiLine = false)
    {
        var v = Guard.Optional(value) ?? throw new DomainException($"请填写{what}。");
        if (v.Length > max) throw new DomainException($"{what}不能超过{max}个字。");
        if (v.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))) throw new DomainException($"{what}不能包含控制字符。");
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Add(PowerEventKind kind, string actorName, string? actorId, DateTimeOffset now, string? note = null) =>
        _events.Add(new PowerEvent(kind, now, actorName, actorId, note));
}

/// <summary>One version of a power: what was typed, its flowchart steps, and where it stands.</summary>
public sealed class PowerRevision
{
    private readonly List<PowerStep> _steps = [];

    private PowerRevision()
    {
        Name = LegalBasis = Office = null!;
    }

    public int Id { get; private set; }
    public int PowerId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; }
    public PowerCategory Category { get; private set; }
    public string LegalBasis { get; private set; }
    public string Office { get; private set; }
    public string? Staff { get; private set; }
    public PowerRevisionState State { get; private set; }

    /// <summary>The day the power changed (a change to a public power); null for the first version.</summary>
    public DateOnly? ChangedOn { get; private set; }

    public DateOnly? PublishedOn { get; internal set; }
    public string? ReturnReason { get; internal set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<PowerStep> Steps => _steps;

    /// <summary>The flowchart this revision's steps draw (person-typed texts, shown as typed).</summary>
    public Flowchart Flowchart() => Draw(Name, _steps.OrderBy(s => s.Position).Select(s => new PowerStepDraft(s.Actor, s.Action, s.TimeLimit)).ToList());

    internal static Flowchart Draw(string name, IReadOnlyList<PowerStepDraft> steps) =>
        new(FlowText.Literal(name?.Trim() ?? ""), (steps ?? []).Select(s => new FlowStep(
            FlowText.Literal(s.Actor?.Trim() ?? ""), FlowText.Literal(s.Action?.Trim() ?? ""),
            Guard.Optional(s.TimeLimit) is { } limit ? FlowText.Literal(limit) : null)));

    internal static PowerRevision Start(int number, PowerDraft draft, DateOnly? changedOn, DateTimeOffset now)
    {
        var revision = new PowerRevision { Number = number, State = PowerRevisionState.Draft, UpdatedAt = now };
        revision.Update(draft, changedOn);
        return revision;
    }

    internal void Update(PowerDraft draft, DateOnly? changedOn)
    {
        Name = draft.Name.Trim();
        Category = draft.Category;
        LegalBasis = draft.LegalBasis.Trim();
        Office = draft.Office.Trim();
        Staff = Guard.Optional(draft.Staff);
        ChangedOn = changedOn;
        _steps.Clear();
        for (var i = 0; i < draft.Steps.Count; i++)
            _steps.Add(new PowerStep(i + 1, draft.Steps[i].Actor.Trim(), draft.Steps[i].Action.Trim(), Guard.Optional(draft.Steps[i].TimeLimit)));
    }

    internal void MoveTo(PowerRevisionState state, DateTimeOffset now)
    {
        State = state;
        UpdatedAt = now;
    }
}

/// <summary>A step of a revision's flowchart.</summary>
public sealed class PowerStep
{
    private PowerStep()
    {
        Actor = Action = null!;
    }

    internal PowerStep(int position, string actor, string action, string? timeLimit)
    {
        Position = position;
        Actor = actor;
        Action = action;
        TimeLimit = timeLimit;
    }

    public int Id { get; private set; }
    public int Position { get; private set; }
    public string Actor { get; private set; }
    public string Action { get; private set; }
    public string? TimeLimit { get; private set; }
}

/// <summary>One step of a power's history: who did what, when.</summary>
public sealed class PowerEvent
{
    private PowerEvent()
    {
        ActorName = null!;
    }

    internal PowerEvent(PowerEventKind kind, DateTimeOffset occurredAt, string actorName, string? actorId, string? note)
    {
        Kind = kind;
        OccurredAt = occurredAt;
        ActorName = Guard.Required(actorName, nameof(actorName));
        ActorId = actorId;
        Note = Guard.Optional(note);
    }

    public long Id { get; private set; }
    public int PowerId { get; private set; }
    public PowerEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorName { get; private set; }
    public string? ActorId { get; private set; }
    public string? Note { get; private set; }
}
