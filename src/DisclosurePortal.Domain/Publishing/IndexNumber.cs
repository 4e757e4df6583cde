using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// 索引号: <c>organisation-code/YYYY-NNNNN</c>, e.g. <c>11220302013626563Q/2016-08520</c>;
/// the serial runs per organisation per year (domain README §3).
/// </summary>
public readonly record struct IndexNumber
{
    public IndexNumber(string organisationCode, int year, int serial)
    {
        if (!Catalogue.Department.IsValidOrganisationCode(organisationCode))
            throw new DomainException("索引号的机构代码无效。");
        if (year is < 1949 or > 9999) throw new DomainException("索引号的年份无效。");
        if (serial is < 1 or > 99999) throw new DomainException("索引号的流水号应在 1 到 99999 之间。");
        OrganisationCode = organisationCode;
        Year = year;
        Serial = serial;
    }

    public string OrganisationCode { get; }
    public int Year { get; }
    public int Serial { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{OrganisationCode}/{Year:D4}-{Serial:D5}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out IndexNumber? value)
    {
        value = null;
        if (text is null || text.Length != 18 + 1 + 4 + 1 + 5 || text[18] != '/' || text[23] != '-') return false;
        var org = text[..18];
        if (!Catalogue.Department.IsValidOrganisationCode(org)) return false;
        if (!int.TryParse(text.AsSpan(19, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text.AsSpan(24, 5), NumberStyles.None, CultureInfo.InvariantCulture, out var serial)) return false;
        if (year < 1949 || serial < 1) return false;
        value = new IndexNumber(org, year, serial);
        return true;
    }
}
