using System.Text.RegularExpressions;

namespace DisclosurePortal.Domain.Applications;

/// <summary>
/// 条例 Art. 29 asks a person for 身份证明, not for a mainland resident ID: residents of Hong Kong, Macao and Taiwan
/// and foreigners may apply too. The documents a person may give. (An organisation gives its 统一社会信用代码.)
/// </summary>
public enum IdentityDocument
{
    /// <summary>居民身份证 (GB 11643-1999 number).</summary>
    ResidentId = 1,
    /// <summary>港澳居民居住证: a resident-ID-style number starting 810000 (Hong Kong) or 820000 (Macao).</summary>
    HongKongMacaoResidencePermit = 2,
    /// <summary>台湾居民居住证: a resident-ID-style number starting 830000.</summary>
    TaiwanResidencePermit = 3,
    /// <summary>港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) and 8 digits, sometimes with the 2-digit issue count.</summary>
    HongKongMacaoTravelPermit = 4,
    /// <summary>台湾居民来往大陆通行证 (台胞证): 8 digits, sometimes with the 2-digit issue count.</summary>
    TaiwanTravelPermit = 5,
    /// <summary>外国人永久居留身份证: 3 letters and 12 digits (2017 card), or 18 digits starting with 9 (2023 card, resident-ID check digit).</summary>
    ForeignPermanentResidentId = 6,
    /// <summary>护照 (any country's): 5 to 17 letters and digits.</summary>
    Passport = 7,
}

/// <summary>
/// What is wrong with a document number, said so that a person can fix it: the length, the characters, the date of
/// birth, or the check character (each named as such, so that a wrong last digit is not reported as a wrong length).
/// </summary>
public static partial class IdentityDocuments
{
    public static IReadOnlyList<IdentityDocument> All { get; } = Enum.GetValues<IdentityDocument>();

    public static string Describe(IdentityDocument document) => document switch
    {
        IdentityDocument.ResidentId => "居民身份证",
        IdentityDocument.HongKongMacaoResidencePermit => "港澳居民居住证",
        IdentityDocument.TaiwanResidencePermit => "台湾居民居住证",
        IdentityDocument.HongKongMacaoTravelPermit => "港澳居民来往内地通行证",
        IdentityDocument.TaiwanTravelPermit => "台湾居民来往大陆通行证",
        IdentityDocument.ForeignPermanentResidentId => "外国人永久居留身份证",
        IdentityDocument.Passport => "护照",
        _ => throw new ArgumentOutOfRangeException(nameof(document)),
    };

    /// <summary>How the number is written, for the hint beside the field.</summary>
    public static string Format(IdentityDocument document) => document switch
    {
        IdentityDocument.ResidentId => "18位：17位数字，最后一位是数字或X。",
        IdentityDocument.HongKongMacaoResidencePermit => "18位，以810000（香港）或820000（澳门）开头，最后一位是数字或X。",
        IdentityDocument.TaiwanResidencePermit => "18位，以830000开头，最后一位是数字或X。",
        IdentityDocument.HongKongMacaoTravelPermit => "H或M加8位数字，例如 H12345678（换证次数可不填）。",
        IdentityDocument.TaiwanTravelPermit => "8位数字，例如 12345678（换证次数可不填）。",
        IdentityDocument.ForeignPermanentResidentId => "3个字母加12位数字，或以9开头的18位数字。",
        IdentityDocument.Passport => "护照上的证件号码，5至17位字母或数字。",
        _ => throw new ArgumentOutOfRangeException(nameof(document)),
    };

    /// <summary>The number as stored and compared: spaces and hyphens removed, letters upper case.</summary>
    public static string Normalise(string? number) =>
        string.Concat((number ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '－' or '（' or '）' or '(' or ')'))).ToUpperInvariant();

    /// <summary>Null when <paramref name="number"/> (normalised) is a well-formed number of <paramref name="document"/>; otherwise why not.</summary>
    public static string? Problem(IdentityDocument document, string? number, DateOnly today) =>
        Explain(document, number, today)?.ToString();

    /// <summary>
    /// As <see cref="Problem"/>, as a message with placeholders and its arguments, so that a page can translate both
    /// (the arguments are the number's name, itself a message, and a length).
    /// </summary>
    public static IdentityProblem? Explain(IdentityDocument document, string? number, DateOnly today)
    {
        var n = Normalise(number);
        if (n.Length == 0) return new("请填写证件号码。");
        return document switch
        {
            IdentityDocument.ResidentId => ResidentStyle(n, today, "身份证号码", prefix: null)
                ?? (n[..2] is "81" or "82" or "83" ? new("这是港澳台居民居住证的号码，请在“证件类型”中选择相应的居住证。") : null),
            IdentityDocument.HongKongMacaoResidencePermit => ResidentStyle(n, today, "港澳居民居住证号码", prefix: (["810000", "820000"], "{0}应以810000或820000开头。")),
            IdentityDocument.TaiwanResidencePermit => ResidentStyle(n, today, "台湾居民居住证号码", prefix: (["830000"], "{0}应以830000开头。")),
            IdentityDocument.HongKongMacaoTravelPermit => HongKongMacaoPermit().IsMatch(n) ? null
                : new("港澳居民来往内地通行证号码应为H或M加8位数字，例如 H12345678。"),
            IdentityDocument.TaiwanTravelPermit => TaiwanPermit().IsMatch(n) ? null
                : new("台湾居民来往大陆通行证号码应为8位数字（可加2位换证次数）。"),
            IdentityDocument.ForeignPermanentResidentId => ForeignPermanent2017().IsMatch(n) ? null
                : n.Length == 18 && n[0] == '9' ? ResidentStyle(n, today, "外国人永久居留身份证号码", prefix: null, checkBirth: false)
                : new("外国人永久居留身份证号码应为3个字母加12位数字，或以9开头的18位数字。"),
            IdentityDocument.Passport => Passport().IsMatch(n) ? null : new("护照号码应为5至17位字母或数字。"),
            _ => new("请选择证件类型。"),
        };
    }

    /// <summary>A number built as GB 11643 builds the resident ID: 17 digits (a date of birth at 7–14) and the MOD 11-2 check character.</summary>
    private static IdentityProblem? ResidentStyle(string n, DateOnly today, string name, (string[] Starts, string Message)? prefix, bool checkBirth = true)
    {
        if (n.Length != 18) return new("{0}应为18位，您填写了{1}位。", name, n.Length);
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(n[i])) return new("{0}的前17位应为数字。", name);
        if (!char.IsAsciiDigit(n[17]) && n[17] != 'X') return new("{0}的最后一位应为数字或X。", name);
        if (prefix is { } p && !p.Starts.Any(s => n.StartsWith(s, StringComparison.Ordinal))) return new(p.Message, name);
        if (checkBirth && !IdentityNumbers.HasBirthDate(n, today)) return new("{0}第7至14位应为出生日期（年月日），请核对。", name);
        if (!IdentityNumbers.HasResidentCheckCharacter(n)) return new("{0}的最后一位（校验码）与前17位不符，请逐位核对。", name);
        return null;
    }

    [GeneratedRegex("^[HM][0-9]{8}([0-9]{2})?$")]
    private static partial Regex HongKongMacaoPermit();

    [GeneratedRegex("^[0-9]{8}([0-9]{2})?$")]
    private static partial Regex TaiwanPermit();

    [GeneratedRegex("^[A-Z]{3}[0-9]{12}$")]
    private static partial Regex ForeignPermanent2017();

    [GeneratedRegex("^[A-Z0-9]{5,17}$")]
    private static partial Regex Passport();
}

/// <summary>
/// What is wrong with a number: <see cref="Message"/> with placeholders, <see cref="Name"/> (the number's name, itself a
/// message) for {0} and <see cref="Length"/> for {1} where the message has them.
/// </summary>
public sealed record IdentityProblem(string Message, string? Name = null, int? Length = null)
{
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, Name, Length);
}
