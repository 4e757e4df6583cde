using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>
/// A revision's SnapshotJson is the item's <see cref="CatalogueItemElements"/> after the change, serialized as the demo
/// seed does (property names as in C#, enums as numbers), so seeded and edited histories read the same way.
/// </summary>
public static class ItemSnapshots
{
    // Chinese stays readable in the database instead of \uXXXX escapes; reading accepts either.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Serialize(CatalogueItemElements elements) => JsonSerializer.Serialize(elements, Options);

    /// <summary>The elements of a snapshot, or null when it cannot be read (it is then shown as unreadable, not as a 500).</summary>
    public static CatalogueItemElements? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CatalogueItemElements>(json, Options);
        }
        catch (Exception e) when (e is JsonException or Domain.DomainException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The elements as a person reads them, in the order of the public item page, with the localized label key of each
    /// and its display text.
    /// </summary>
    public static IReadOnlyList<ElementLine> Lines(CatalogueItemElements e, IStringLocalizer L) =>
    [
        new("事项名称（一级）", e.NameLevel1 ?? string.Empty),
        new("事项名称（二级）", e.NameLevel2 ?? string.Empty),
        new("公开内容（要素）", e.Content ?? string.Empty),
        new("公开依据", e.Basis ?? string.Empty),
        new("公开时限", e.TimeLimitText ?? string.Empty),
        new("公开时限计算规则", e.TimeLimit is null ? string.Empty : Describe(e.TimeLimit, L)),
        new(ChannelsLabel, string.Join("、", Labels.Of(e.Channels).Select(c => L[c].Value))),
        new("公开对象", e.Audience is { } a ? L[Labels.Of(a)].Value : string.Empty),
        new("公开方式", e.Method is { } m ? L[Labels.Of(m)].Value : string.Empty),
        new("公开层级", e.Level is { } l ? L[Labels.Of(l)].Value : string.Empty),
        new("更新频次", e.Frequency is { } f ? L[Labels.Of(f)].Value : string.Empty),
    ];

    /// <summary>
    /// What changed from one snapshot to the next, element by element (unchanged elements are left out). A change of
    /// channels also says which were added and which removed: a set is easier to compare that way than as two lists.
    /// </summary>
    public static IReadOnlyList<ElementChange> Changes(CatalogueItemElements before, CatalogueItemElements after, IStringLocalizer L) =>
        Lines(before, L).Zip(Lines(after, L))
            .Where(pair => !string.Equals(pair.First.Value, pair.Second.Value, StringComparison.Ordinal))
            .Select(pair => new ElementChange(pair.First.Label, pair.First.Value, pair.Second.Value,
                pair.First.Label == ChannelsLabel ? ChannelNote(before.Channels, after.Channels, L) : null))
            .ToList();

    private const string ChannelsLabel = "公开渠道和载体";

    private static string ChannelNote(DisclosureChannels before, DisclosureChannels after, IStringLocalizer L)
    {
        string Names(DisclosureChannels set) => string.Join("、", Labels.Of(set).Select(c => L[c].Value));
        var added = after & ~before;
        var removed = before & ~after;
        var parts = new List<string>();
        if (added != DisclosureChannels.None) parts.Add(L["增加：{0}", Names(added)]);
        if (removed != DisclosureChannels.None) parts.Add(L["去掉：{0}", Names(removed)]);
        return string.Join(L["；"], parts);
    }

    /// <summary>The rule in words, with its amount.</summary>
    public static string Describe(TimeLimitRule rule, IStringLocalizer L) => rule.Kind switch
    {
        TimeLimitKind.WorkingDaysAfterFormed => L["信息形成或变更之日起 {0} 个工作日内", rule.Amount],
        TimeLimitKind.DaysAfterCompletion => L["办结后 {0} 日内", rule.Amount],
        TimeLimitKind.MonthlyByDay => L["每月 {0} 日前公开上月情况", rule.Amount],
        TimeLimitKind.QuarterlyByDay => L["每季度首月 {0} 日前公开上季度情况", rule.Amount],
        TimeLimitKind.AnnuallyByDay => L["每年 1 月 {0} 日前公开上年情况", rule.Amount],
        TimeLimitKind.RealTime => L["实时公开"],
        _ => rule.Kind.ToString(),
    };
}

public sealed record ElementLine(string Label, string Value);

/// <param name="Note">For channels, which were added and which removed.</param>
public sealed record ElementChange(string Label, string Before, string After, string? Note = null);
