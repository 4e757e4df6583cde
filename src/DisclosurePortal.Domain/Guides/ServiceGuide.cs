using DisclosurePortal.Domain.Flowcharts;

namespace DisclosurePortal.Domain.Guides;

/// <summary>How a material is handed in (申请材料的形式).</summary>
public enum MaterialForm
{
    /// <summary>原件.</summary>
    Original = 1,
    /// <summary>复印件.</summary>
    Copy = 2,
    /// <summary>原件和复印件.</summary>
    OriginalAndCopy = 3,
}

/// <summary>Where a guide stands: only a published guide is public.</summary>
public enum GuideState
{
    /// <summary>草稿 (also after the office sends it back).</summary>
    Draft = 1,
    /// <summary>待审核.</summary>
    Submitted = 2,
    /// <summary>已公开.</summary>
    Published = 3,
    /// <summary>已并入: a change to a public guide, approved and taken into it (kept as history).</summary>
    Adopted = 4,
}

public enum GuideEventKind
{
    Created = 1,
    Edited = 2,
    Submitted = 3,
    Approved = 4,
    Returned = 5,
}

/// <summary>One material as typed; the template is an uploaded file's id (<see cref="GuideTemplate"/>), optional.</summary>
public sealed record MaterialDraft(string Name, MaterialForm Form, int Count, int? TemplateId = null);

/// <summary>One 办事情形 as typed: the smallest case, with its own materials.</summary>
public sealed record SituationDraft(string Name, IReadOnlyList<MaterialDraft> Materials);

/// <summary>One step of the 办理流程: who acts, what they do, in what time (drawn as a flowchart).</summary>
public sealed record GuideStepDraft(string Actor, string Action, string? TimeLimit);

/// <summary>What a department types for a 办事指南.</summary>
public sealed record GuideDraft
{
    public required int DomainId { get; init; }
    public required string Name { get; init; }
    public required string LegalBasis { get; init; }
    public required string Conditions { get; init; }
    public required IReadOnlyList<SituationDraft> Situations { get; init; }
    public required IReadOnlyList<GuideStepDraft> Steps { get; init; }
    public required string TimeLimit { get; init; }
    public required string Fees { get; init; }
    public required string PlaceAndHours { get; init; }
    public required string ConsultationPhone { get; init; }
    public required string ComplaintPhone { get; init; }
}

/// <summary>
/// A 办事指南 (issue 20 §6; Ningbo Haishu, Shishi Fengli: down to the smallest 办事情形, with material templates). A new
/// aggregate rather than a <c>RecordKind</c>: a record is one flat set of metadata and a Markdown body under a catalogue
/// item, and the kinds that added fields (PublicResponses) added a few scalars; a guide is nested (situations, each with
/// its materials, each material with its template file) and compiled per domain into the 办事一本通. It is reviewed like
/// a consultation: the department drafts and submits, the office approves (public) or returns it with a reason; the
/// history is kept as events. Editing a published guide takes it back to a draft until the office approves it again.
/// </summary>
public sealed class ServiceGuide
{
    public const int MaxNameLength = Flowcharts.Flowchart.MaxTitleLength;
    public const int MaxTextLength = 4000;
    public const int MaxShortLength = 300;
    public const int MaxPhoneLength = 100;
    public const int MaxSituations = 20;
    public const int MaxSituationNameLength = 200;
    public const int MaxMaterials = 30;
    public const int MaxMaterialNameLength = 200;
    public const int MaxMaterialCount = 99;

    private readonly List<GuideSituation> _situations = [];
    private readonly List<GuideStep> _steps = [];
    private readonly List<GuideEvent> _events = [];

    private ServiceGuide()
    {
        Name = LegalBasis = Conditions = TimeLimit = Fees = PlaceAndHours = ConsultationPhone = ComplaintPhone = null!;
    }

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public int DomainId { get; private set; }
    public string Name { get; private set; }
    public string LegalBasis { get; private set; }
    public string Conditions { get; private set; }
    public string TimeLimit { get; private set; }
    public string Fees { get; private set; }
    public string PlaceAndHours { get; private set; }
    public string ConsultationPhone { get; private set; }
    public string ComplaintPhone { get; private set; }
    public GuideState State { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// A change to a public guide is a guide of its own pointing at it: the public keeps the approved version until the
    /// office approves the change, which is then taken into the public guide (<see cref="ApproveChange"/>).
    /// </summary>
    public int? RevisionOfId { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<GuideSituation> Situations => _situations;
    public IReadOnlyList<GuideStep> Steps => _steps;
    public IReadOnlyList<GuideEvent> Events => _events;

    /// <summary>The 办理流程 drawn as a flowchart (person-typed texts, shown as typed).</summary>
    public Flowchart Flowchart() => Draw(Name, _steps.OrderBy(s => s.Position).Select(s => new GuideStepDraft(s.Actor, s.Action, s.TimeLimit)).ToList());

    public static ServiceGuide Create(int departmentId, GuideDraft draft, string actorName, string? actorId, DateTimeOffset now)
    {
        var guide = new ServiceGuide { DepartmentId = departmentId, State = GuideState.Draft, Version = 1 };
        guide.Apply(draft);
        guide.UpdatedAt = now;
        guide.Add(GuideEventKind.Created, actorName, actorId, now, guide.Name);
        return guide;
    }

    /// <summary>变更 a public guide: a new draft that replaces it only when approved; the public one stays as it is.</summary>
    public static ServiceGuide Revise(ServiceGuide published, GuideDraft draft, string actorName, string? actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.State != GuideState.Published) throw new DomainException("只有已公开的办事指南可以变更。");
        var guide = new ServiceGuide { DepartmentId = published.DepartmentId, State = GuideState.Draft, Version = 1, RevisionOfId = published.Id };
        guide.Apply(draft);
        guide.UpdatedAt = now;
        guide.Add(GuideEventKind.Created, actorName, actorId, now, guide.Name);
        return guide;
    }

    /// <summary>The draft as typed (for a form, or to take a change into the public guide).</summary>
    public GuideDraft ToDraft() => new()
    {
        DomainId = DomainId,
        Name = Name,
        LegalBasis = LegalBasis,
        Conditions = Conditions,
        Situations = [.. _situations.OrderBy(s => s.Position).Select(s => new SituationDraft(s.Name,
            [.. s.Materials.OrderBy(m => m.Position).Select(m => new MaterialDraft(m.Name, m.Form, m.Count, m.TemplateId))]))],
        Steps = [.. _steps.OrderBy(s => s.Position).Select(s => new GuideStepDraft(s.Actor, s.Action, s.TimeLimit))],
        TimeLimit = TimeLimit,
        Fees = Fees,
        PlaceAndHours = PlaceAndHours,
        ConsultationPhone = ConsultationPhone,
        ComplaintPhone = ComplaintPhone,
    };

    /// <summary>
    /// 审核通过 a submitted change (this guide, a <see cref="RevisionOfId"/> of <paramref name="published"/>): its content
    /// becomes the public guide's, and this change is kept as history (已并入).
    /// </summary>
    public void ApproveChange(ServiceGuide published, DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (State != GuideState.Submitted) throw new DomainException("该办事指南不在审核队列中。");
        if (RevisionOfId != published.Id || published.State != GuideState.Published) throw new DomainException("该变更对应的办事指南已不再公开。");
        published.Apply(ToDraft());
        published.PublishedOn = today;
        published.Touch(now);
        published.Add(GuideEventKind.Approved, actorName, actorId, now, Name);
        State = GuideState.Adopted;
        Touch(now);
        Add(GuideEventKind.Approved, actorName, actorId, now);
    }

    /// <summary>A material's template file, uploaded after the guide was saved.</summary>
    public void AttachTemplate(int situationPosition, int materialPosition, int templateId, DateTimeOffset now)
    {
        if (State != GuideState.Draft) throw new DomainException("只有草稿可以上传材料模板。");
        var material = _situations.FirstOrDefault(s => s.Position == situationPosition)?.Materials.FirstOrDefault(m => m.Position == materialPosition)
            ?? throw new DomainException("没有找到该申请材料。");
        material.UseTemplate(templateId);
        Touch(now);
    }

    public void Edit(GuideDraft draft, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State == GuideState.Submitted) throw new DomainException("该办事指南已提交审核，审核完成前不能修改。");
        if (State == GuideState.Published) throw new DomainException("该办事指南已公开：请变更（审核通过前网站仍显示原版本）。");
        if (State == GuideState.Adopted) throw new DomainException("该变更已审核通过并入公开的办事指南。");
        Apply(draft);
        State = GuideState.Draft;
        Touch(now);
        Add(GuideEventKind.Edited, actorName, actorId, now, Name);
    }

    public void Submit(string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != GuideState.Draft) throw new DomainException("只有草稿可以提交审核。");
        State = GuideState.Submitted;
        ReturnReason = null;
        Touch(now);
        Add(GuideEventKind.Submitted, actorName, actorId, now);
    }

    public void Approve(DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != GuideState.Submitted) throw new DomainException("该办事指南不在审核队列中。");
        if (RevisionOfId is not null) throw new DomainException("这是对已公开办事指南的变更，审核通过时并入原办事指南。");
        State = GuideState.Published;
        PublishedOn = today;
        Touch(now);
        Add(GuideEventKind.Approved, actorName, actorId, now);
    }

    public void Return(string reason, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != GuideState.Submitted) throw new DomainException("该办事指南不在审核队列中。");
        ReturnReason = Guard.Optional(reason) ?? throw new DomainException("请填写退回理由。");
        State = GuideState.Draft;
        Touch(now);
        Add(GuideEventKind.Returned, actorName, actorId, now, ReturnReason);
    }

    private void Apply(GuideDraft d)
    {
        ArgumentNullException.ThrowIfNull(d);
        Name = Text(d.Name, "事项名称", MaxNameLength);
        LegalBasis = Text(d.LegalBasis, "设定依据", MaxTextLength, multiLine: true);
        Conditions = Text(d.Conditions, "申请条件", MaxTextLength, multiLine: true);
        TimeLimit = Text(d.TimeLimit, "办理时限", MaxShortLength);
        Fees = Text(d.Fees, "收费标准", MaxShortLength);
        PlaceAndHours = Text(d.PlaceAndHours, "办理地点和时间", MaxShortLength, multiLine: true);
        ConsultationPhone = Text(d.ConsultationPhone, "咨询电话", MaxPhoneLength);
        ComplaintPhone = Text(d.ComplaintPhone, "投诉电话", MaxPhoneLength);
        if (d.Situations.Count == 0) throw new DomainException("请至少填写一种办事情形。");
        if (d.Situations.Count > MaxSituations) throw new DomainException($"办事情形最多{MaxSituations}种。");
        var situations = new List<GuideSituation>();
        for (var i = 0; i < d.Situations.Count; i++)
        {
            var s = d.Situations[i];
            var where = $"第{i + 1}种情形的";
            var name = Text(s.Name, where + "名称", MaxSituationNameLength);
            if (s.Materials.Count == 0) throw new DomainException($"请填写{where}申请材料。");
            if (s.Materials.Count > MaxMaterials) throw new DomainException($"{where}申请材料最多{MaxMaterials}项。");
            var materials = s.Materials.Select((m, j) =>
            {
                var material = Text(m.Name, $"{where}第{j + 1}项材料名称", MaxMaterialNameLength);
                if (!Enum.IsDefined(m.Form)) throw new DomainException($"请选择{where}第{j + 1}项材料的形式（原件、复印件）。");
                if (m.Count is < 1 or > MaxMaterialCount) throw new DomainException($"{where}第{j + 1}项材料的份数应为1至{MaxMaterialCount}。");
                return new GuideMaterial(j + 1, material, m.Form, m.Count, m.TemplateId);
            }).ToList();
            situations.Add(new GuideSituation(i + 1, name, materials));
        }
        var chart = Draw(Name, d.Steps);
        DomainId = d.DomainId;
        _situations.Clear();
        _situations.AddRange(situations);
        _steps.Clear();
        _steps.AddRange(d.Steps.Select((s, i) => new GuideStep(i + 1, s.Actor.Trim(), s.Action.Trim(), Guard.Optional(s.TimeLimit))));
        _ = chart;
    }

    private static Flowchart Draw(string name, IReadOnlyList<GuideStepDraft> steps) =>
        new(FlowText.Literal(name?.Trim() ?? ""), (steps ?? []).Select(s => new FlowStep(
            FlowText.Literal(s.Actor?.Trim() ?? ""), FlowText.Literal(s.Action?.Trim() ?? ""),
            Guard.Optional(s.TimeLimit) is { } limit ? FlowText.Literal(limit) : null)));

    private static string Text(string? value, string what, int max, bool multiLine = false)
    {
        var v = Guard.Optional(value) ?? throw new DomainException($"请填写{what}。");
        if (v.Length > max) throw new DomainException($"{what}不能超过{max}个字。");
        if (v.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))) throw new DomainException($"{what}不能包含控制字符。");
        return v;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Add(GuideEventKind kind, string actorName, string? actorId, DateTimeOffset now, string? note = null) =>
        _events.Add(new GuideEvent(kind, now, actorName, actorId, note));
}

/// <summary>A 办事情形 with its materials.</summary>
public sealed class GuideSituation
{
    private readonly List<GuideMaterial> _materials = [];

    private GuideSituation()
    {
        Name = null!;
    }

    internal GuideSituation(int position, string name, IEnumerable<GuideMaterial> materials)
    {
        Position = position;
        Name = name;
        _materials.AddRange(materials);
    }

    public int Id { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }
    public IReadOnlyList<GuideMaterial> Materials => _materials;
}

/// <summary>申请材料: its name, original or copy, how many, and a template or sample file (optional).</summary>
public sealed class GuideMaterial
{
    private GuideMaterial()
    {
        Name = null!;
    }

    internal GuideMaterial(int position, string name, MaterialForm form, int count, int? templateId)
    {
        Position = position;
        Name = name;
        Form = form;
        Count = count;
        TemplateId = templateId;
    }

    public int Id { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }
    public MaterialForm Form { get; private set; }
    public int Count { get; private set; }

    /// <summary>The <see cref="GuideTemplate"/> offered as a template or sample, if any.</summary>
    public int? TemplateId { get; private set; }

    internal void UseTemplate(int templateId) => TemplateId = templateId;
}

/// <summary>A step of the 办理流程.</summary>
public sealed class GuideStep
{
    private GuideStep()
    {
        Actor = Action = null!;
    }

    internal GuideStep(int position, string actor, string action, string? timeLimit)
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

/// <summary>
/// A material's template or sample file (空白表格、示范文本), stored like a record's attachment (a generated key, the
/// SHA-256 kept, its type read from its bytes by the AttachmentInspector), public with the guide.
/// </summary>
public sealed class GuideTemplate
{
    private GuideTemplate()
    {
        FileName = ContentType = StorageKey = Sha256 = UploadedBy = null!;
    }

    public GuideTemplate(int guideId, string fileName, string contentType, long sizeBytes, string storageKey, string sha256, DateTimeOffset uploadedAt, string uploadedBy)
    {
        GuideId = guideId;
        FileName = Guard.Required(fileName, nameof(fileName));
        ContentType = Guard.Required(contentType, nameof(contentType));
        SizeBytes = sizeBytes >= 0 ? sizeBytes : throw new ArgumentOutOfRangeException(nameof(sizeBytes));
        StorageKey = Guard.Required(storageKey, nameof(storageKey));
        Sha256 = Guard.Required(sha256, nameof(sha256));
        UploadedAt = uploadedAt;
        UploadedBy = Guard.Required(uploadedBy, nameof(uploadedBy));
    }

    public int Id { get; private set; }
    public int GuideId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; }
}

/// <summary>One step of a guide's history.</summary>
public sealed class GuideEvent
{
    private GuideEvent()
    {
        ActorName = null!;
    }

    internal GuideEvent(GuideEventKind kind, DateTimeOffset occurredAt, string actorName, string? actorId, string? note)
    {
        Kind = kind;
        OccurredAt = occurredAt;
        ActorName = Guard.Required(actorName, nameof(actorName));
        ActorId = actorId;
        Note = Guard.Optional(note);
    }

    public long Id { get; private set; }
    public int GuideId { get; private set; }
    public GuideEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorName { get; private set; }
    public string? ActorId { get; private set; }
    public string? Note { get; private set; }
}

public static class GuideNames
{
    public static string Describe(MaterialForm form) => form switch
    {
        MaterialForm.Original => "原件",
        MaterialForm.Copy => "复印件",
        MaterialForm.OriginalAndCopy => "原件和复印件",
        _ => form.ToString(),
    };

    public static string Describe(GuideEventKind kind) => kind switch
    {
        GuideEventKind.Created => "新建",
        GuideEventKind.Edited => "修改",
        GuideEventKind.Submitted => "提交审核",
        GuideEventKind.Approved => "审核通过",
        GuideEventKind.Returned => "退回修改",
        _ => kind.ToString(),
    };

    public static string Describe(GuideState state) => state switch
    {
        GuideState.Draft => "草稿",
        GuideState.Submitted => "待审核",
        GuideState.Published => "已公开",
        GuideState.Adopted => "已并入",
        _ => state.ToString(),
    };
}
