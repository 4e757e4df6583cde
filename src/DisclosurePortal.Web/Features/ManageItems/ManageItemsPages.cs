using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>A select option: the posted value and the label as shown (already in the current language).</summary>
public sealed record Choice(string Value, string Label);

/// <summary>The department's catalogue, grouped by domain and then stage.</summary>
public sealed record ItemListPage(string DepartmentName, IReadOnlyList<DomainGroup> Domains, int ActiveCount, int RetiredCount)
{
    /// <summary>The units the editor keeps when more than one (a township and its villages): the page switches between them.</summary>
    public IReadOnlyList<Townships.UnitOption> Kept { get; init; } = [];

    /// <summary>The unit whose catalogue this is.</summary>
    public int UnitId { get; init; }
}

/// <summary>
/// <c>?unit=</c> on the catalogue pages: a village or community whose items the township's editor keeps; absent for the
/// editor's own unit. Not a positive number: the Chinese 400 page.
/// </summary>
public sealed record KeptUnitQuery(int? Unit) : Shared.IQueryFilter<KeptUnitQuery>
{
    public const string Key = "unit";

    public static KeptUnitQuery Read(Shared.QueryReader query) => new(query.Id(Key, "单位编号应为数字。"));

    /// <summary>The list's route values for <paramref name="unit"/>: none for the editor's own unit.</summary>
    public static IDictionary<string, string> Route(int unit, int? own) => unit == own
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { [Key] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public sealed record DomainGroup(string Code, string Name, IReadOnlyList<StageGroup> Stages);

public sealed record StageGroup(string Code, string Name, IReadOnlyList<ItemRow> Items);

public sealed record ItemRow(
    int Id, string NameLevel1, string NameLevel2, CatalogueItemStatus Status, string? RetiredReason,
    DateTimeOffset UpdatedAt, CatalogueItemChange? LastChange, string? LastActor, int PublishedRecords);

public sealed record NewItemPage(NewItemForm Form, string DepartmentName, IReadOnlyList<Choice> Domains, IReadOnlyList<Choice> Stages)
{
    /// <summary>A village's id when the item is added for it by its township's editor; null for the editor's own unit.</summary>
    public int? ForUnit { get; init; }
}

/// <summary>The edit page: the form, the retire form, the item's fixed facts, and on a conflict the saved values.</summary>
public sealed record EditItemPage(
    int Id, EditItemForm Form, RetireForm Retire, string DepartmentName, string DomainName, string StageName,
    CatalogueItemStatus Status, string? RetiredReason, IReadOnlyList<ElementLine>? Saved)
{
    /// <summary>The way back to the item's unit's list (a village's, for its township's editor).</summary>
    public IDictionary<string, string> ListRoute { get; init; } = new Dictionary<string, string>();
}

public sealed record HistoryPage(int Id, string Name, string DepartmentName, string DomainName, string StageName, CatalogueItemStatus Status, IReadOnlyList<HistoryEntry> Entries)
{
    /// <summary>The way back to the item's unit's list.</summary>
    public IDictionary<string, string> ListRoute { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// One revision. <see cref="Initial"/> is the whole item as first added; <see cref="Changes"/> what differs from the
/// revision before; <see cref="Unreadable"/> when the stored snapshot cannot be read.
/// </summary>
public sealed record HistoryEntry(
    int Number, CatalogueItemChange Change, string ActorName, DateTimeOffset At, string? Reason,
    IReadOnlyList<ElementLine>? Initial, IReadOnlyList<ElementChange> Changes, bool Unreadable)
{
    public string AtText => At.ChinaMinute();
}
