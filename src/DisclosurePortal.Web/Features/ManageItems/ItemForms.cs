using System.Globalization;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>
/// The elements of a catalogue item as typed into the form. Choices and numbers are bound as text so that whatever was
/// posted (a hand-made <c>Method=99</c>, an amount of "abc") reaches the validator, gets a Chinese message beside its
/// field and is shown back as typed; model binding would otherwise drop it with an English message.
/// </summary>
public class ItemForm
{
    public string? NameLevel1 { get; set; }
    public string? NameLevel2 { get; set; }
    [MultiLine]
    public string? Content { get; set; }
    [MultiLine]
    public string? Basis { get; set; }
    public string? TimeLimitText { get; set; }
    public string? TimeLimitKind { get; set; }
    public string? TimeLimitAmount { get; set; }
    public string? Method { get; set; }

    /// <summary>One checkbox value per channel (the flag's number).</summary>
    public List<string> Channels { get; set; } = [];
    public string? Audience { get; set; }
    public string? Level { get; set; }
    public string? Frequency { get; set; }

    public bool HasChannel(DisclosureChannels channel) => Channels.Contains(Code(channel));

    /// <summary>The elements the form describes; call after validation (anything unreadable becomes missing).</summary>
    public CatalogueItemElements ToElements()
    {
        var kind = ParseEnum<TimeLimitKind>(TimeLimitKind);
        return new CatalogueItemElements
        {
            NameLevel1 = NameLevel1?.Trim(),
            NameLevel2 = NameLevel2?.Trim(),
            Content = Content?.Trim(),
            Basis = Basis?.Trim(),
            TimeLimitText = TimeLimitText?.Trim(),
            TimeLimit = kind is { } k && ParseInt(TimeLimitAmount) is { } amount ? new TimeLimitRule(k, amount) : null,
            Method = ParseEnum<DisclosureMethod>(Method),
            Channels = ParseChannels(Channels) ?? DisclosureChannels.None,
            Audience = ParseEnum<Audience>(Audience),
            Level = ParseEnum<AdministrativeLevel>(Level),
            Frequency = ParseEnum<UpdateFrequency>(Frequency),
        };
    }

    protected void Fill(CatalogueItemElements e)
    {
        NameLevel1 = e.NameLevel1;
        NameLevel2 = e.NameLevel2;
        Content = e.Content;
        Basis = e.Basis;
        TimeLimitText = e.TimeLimitText;
        TimeLimitKind = e.TimeLimit is null ? null : Code(e.TimeLimit.Kind);
        TimeLimitAmount = e.TimeLimit?.Amount.ToString(CultureInfo.InvariantCulture);
        Method = e.Method is { } m ? Code(m) : null;
        Channels = Enum.GetValues<DisclosureChannels>().Where(c => c != DisclosureChannels.None && e.Channels.HasFlag(c)).Select(c => Code(c)).ToList();
        Audience = e.Audience is { } a ? Code(a) : null;
        Level = e.Level is { } l ? Code(l) : null;
        Frequency = e.Frequency is { } f ? Code(f) : null;
    }

    /// <summary>The value an enum member has in the form (its number).</summary>
    public static string Code<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    public static int? ParseInt(string? raw) =>
        int.TryParse(raw?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A defined member of <typeparamref name="TEnum"/> given by its number, or null.</summary>
    public static TEnum? ParseEnum<TEnum>(string? raw) where TEnum : struct, Enum =>
        ParseInt(raw) is { } n && Enum.IsDefined(typeof(TEnum), n) ? (TEnum)Enum.ToObject(typeof(TEnum), n) : null;

    /// <summary>The set the checkboxes name, or null when one of them is not a single named channel.</summary>
    public static DisclosureChannels? ParseChannels(IEnumerable<string> raw)
    {
        var set = DisclosureChannels.None;
        foreach (var value in raw)
        {
            if (ParseInt(value) is not { } n || n <= 0 || (n & (n - 1)) != 0) return null;
            var channel = (DisclosureChannels)n;
            if (!CatalogueItemElements.AreKnown(channel)) return null;
            set |= channel;
        }
        return set;
    }
}

/// <summary>新增公开事项: the elements plus where the item sits in the catalogue. The department is the editor's own.</summary>
public sealed class NewItemForm : ItemForm
{
    public string? DomainId { get; set; }
    public string? StageId { get; set; }
}

/// <summary>修改公开事项: the elements, the version the form was opened at, and an optional 修改说明.</summary>
public sealed class EditItemForm : ItemForm
{
    /// <summary>The item's concurrency version when the form was opened (hidden field).</summary>
    public string? Version { get; set; }

    /// <summary>修改说明, kept with the revision.</summary>
    [MultiLine]
    public string? ChangeNote { get; set; }

    public static EditItemForm From(CatalogueItem item)
    {
        var form = new EditItemForm { Version = item.Version.ToString(CultureInfo.InvariantCulture) };
        form.Fill(item.ToElements());
        return form;
    }
}

/// <summary>停用公开事项: a required reason, and the version the page was opened at.</summary>
public sealed class RetireForm
{
    [MultiLine]
    public string? Reason { get; set; }
    public string? Version { get; set; }
}
