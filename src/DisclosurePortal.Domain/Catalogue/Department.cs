using System.Text.RegularExpressions;

namespace DisclosurePortal.Domain.Catalogue;

/// <summary>A government unit that owns catalogue items and records (公开主体).</summary>
public sealed partial class Department
{
    public Department(string name, string shortName, string organisationCode, string documentPrefix, int sortOrder)
    {
        Name = Guard.Required(name, nameof(name));
        ShortName = Guard.Required(shortName, nameof(shortName));
        OrganisationCode = ValidOrganisationCode(organisationCode);
        DocumentPrefix = Guard.Required(documentPrefix, nameof(documentPrefix));
        SortOrder = sortOrder;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string ShortName { get; private set; }

    /// <summary>统一社会信用代码: the first part of every 索引号 this department issues.</summary>
    public string OrganisationCode { get; private set; }

    /// <summary>发文字号 prefix, e.g. 青财发.</summary>
    public string DocumentPrefix { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>18 characters of the 统一社会信用代码 alphabet (GB 32100-2015: digits and capitals without I, O, Z, S, V).</summary>
    public static bool IsValidOrganisationCode(string? code) => code is not null && CodePattern().IsMatch(code);

    private static string ValidOrganisationCode(string code) =>
        IsValidOrganisationCode(code) ? code : throw new DomainException("机构代码应为18位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）。");

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{18}$")]
    private static partial Regex CodePattern();
}
