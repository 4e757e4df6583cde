using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Html;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <param name="UpdatedAt">最后修改时间: when the latest version last changed (saved, submitted, decided).</param>
public sealed record ManagedRecordRow(int RecordId, string Title, string? IndexNumber, string ItemName, VersionState State, bool Returned, int Number, DateTimeOffset UpdatedAt);

public sealed record ManagedRecordsModel(string? State, IReadOnlyList<ManagedRecordRow> Rows, PageInfo Page);

/// <param name="Group">Its domain and stage (领域 · 环节), as the choice groups it.</param>
public sealed record ItemOption(int Id, string Name, string Group);

/// <param name="Group">The item it belongs to.</param>
public sealed record EventOption(int Id, int ItemId, string Label, string Group);

public sealed record RecordFormModel(
    RecordForm Form, int? RecordId, string? IndexNumber, IReadOnlyList<ItemOption> Items, IHtmlContent? Preview, string? ReturnReason,
    RecordVersion? CurrentSaved)
{
    /// <summary>A township's editor, who also keeps its villages' records: their items are offered under the village's name (UnitKeeping).</summary>
    public bool KeepsVillages { get; init; }

    /// <summary>Files chosen or imported on an earlier round of the form, attached when it is saved.</summary>
    public IReadOnlyList<PendingFile> PendingFiles { get; init; } = [];

    /// <summary>政策解读: the policies ticked on the form, as they are (or were last) published.</summary>
    public IReadOnlyList<PolicyOption> ChosenPolicies { get; init; } = [];

    /// <summary>政策解读: published policies to add (the department's latest, or those matching the words looked for).</summary>
    public IReadOnlyList<PolicyOption> FoundPolicies { get; init; } = [];

    /// <summary>所属事件: recorded events of the event-driven items offered (their records owed), grouped by item.</summary>
    public IReadOnlyList<EventOption> Events { get; init; } = [];

    /// <summary>The record's item's time limit kind, once the item is fixed (edit): which of 所属期间 / 所属事件 applies.</summary>
    public TimeLimitKind? ItemKind { get; init; }

    /// <summary>栏目: the column tree in order, to choose from (issue 20 §3).</summary>
    public IReadOnlyList<DisclosureColumns.ColumnNode> Columns { get; init; } = [];
}

public sealed record ManagedRecordModel(
    Record Record, CatalogueItem? Item, IReadOnlyList<RecordVersion> Versions, RecordVersion Latest, RecordVersion? Published,
    IReadOnlyList<Attachment> Attachments, IReadOnlyList<ReviewDecision> Reviews, IReadOnlyList<AuditEvent> Events,
    IHtmlContent BodyHtml, DateOnly? DueOn, bool CanEdit, long MaxAttachmentBytes)
{
    /// <summary>For an interpretation: its latest version's policies and questions.</summary>
    public InterpretationDetails? Interpretation { get; init; }

    /// <summary>For a published policy in force: when its interpretation is due and whether it came.</summary>
    public InterpretationTimeliness? InterpretationDue { get; init; }

    /// <summary>For a policy never published (三同步, issue 21 §6): its interpretation in review, or the plan, for the submit form.</summary>
    public ThreeSyncModel? ThreeSync { get; init; }
}

/// <summary>
/// 三同步 on a policy's staff page: the interpretations drafted with it (and whether one is in review), the 解读方案 kept,
/// the plan form as posted or prefilled, and the units to choose the responsible one from.
/// </summary>
public sealed record ThreeSyncModel(
    int RecordId, int Version, IReadOnlyList<(int RecordId, string Title, VersionState State)> Interpretations, InterpretationPlan? Kept, string? KeptUnit,
    InterpretationPlanForm Plan, IReadOnlyList<(int Id, string Name)> Departments)
{
    public bool InterpretationInReview => Interpretations.Any(i => i.State is VersionState.Submitted or VersionState.Published);
}

public static class StateLabels
{
    /// <summary>The state a person reads: a returned draft says so.</summary>
    public static (string Text, string Css) Of(VersionState state, bool returned) => state switch
    {
        VersionState.Draft when returned => ("被退回", "danger"),
        VersionState.Draft => ("草稿", ""),
        VersionState.Submitted => ("待审核", "warn"),
        VersionState.Published => ("已发布", "ok"),
        VersionState.Superseded => ("已被替代", ""),
        VersionState.Withdrawn => ("已撤回", "danger"),
        VersionState.Withheld => ("不予公开", "danger"),
        _ => (state.ToString(), ""),
    };
}
