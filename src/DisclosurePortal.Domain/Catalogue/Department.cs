using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Units;

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
        Level = UnitLevel.County;
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

    /// <summary>县级, 乡镇（街道） or 村（社区） (issue 20 §7).</summary>
    public UnitLevel Level { get; private set; }

    /// <summary>The unit above: a village's township, a township's county unit (or none).</summary>
    public int? ParentId { get; private set; }

    /// <summary>
    /// Places the unit in the hierarchy (<see cref="UnitHierarchy"/>). <paramref name="parent"/> is the unit chosen as
    /// its parent, or null; the caller checks that the unit's own children still fit (<see cref="UnitHierarchy.ChildrenProblem"/>).
    /// </summary>
    public void PlaceIn(UnitLevel level, Department? parent)
    {
        if (!Enum.IsDefined(level)) throw new DomainException("请选择单位层级。");
        if (parent is not null && (ReferenceEquals(parent, this) || (Id != 0 && parent.Id == Id))) throw new DomainException("单位不能以自身为上级单位。");
        if (UnitHierarchy.Problem(level, parent?.Level) is { } problem) throw new DomainException(problem);
        Level = level;
        ParentId = parent?.Id;
    }

    /// <summary>
    /// Corrects the department's particulars. The caller refuses a new organisation code once 索引号 have been
    /// issued under the old one: the code is part of every 索引号, and issued ones never change.
    /// </summary>
    public void Update(string name, string shortName, string organisationCode, string documentPrefix, int sortOrder)
    {
        // Every value is checked before any is assigned, so a refused update leaves the department as it was.
        var validName = Guard.Required(name, nameof(name));
        var validShortName = Guard.Required(shortName, nameof(shortName));
        var validCode = ValidOrganisationCode(organisationCode);
        var validPrefix = Guard.Required(documentPrefix, nameof(documentPrefix));
        (Name, ShortName, OrganisationCode, DocumentPrefix, SortOrder) = (validName, validShortName, validCode, validPrefix, sortOrder);
    }

    /// <summary>停用: the department leaves the public list; its items, records and 索引号 stay.</summary>
    public void Deactivate()
    {
        if (!IsActive) throw new DomainException("该部门已停用。");
        IsActive = false;
    }

    /// <summary>启用 again after <see cref="Deactivate"/>.</summary>
    public void Activate()
    {
        if (IsActive) throw new DomainException("该部门已是启用状态。");
        IsActive = true;
    }

    /// <summary>18 characters of the 统一社会信用代码 alphabet (GB 32100-2015: digits and capitals without I, O, Z, S, V).</summary>
    public static bool IsValidOrganisationCode(string? code) => code is not null && CodePattern().IsMatch(code);

    private static string ValidOrganisationCode(string code) =>
        IsValidOrganisationCode(code) ? code : throw new DomainException("机构代码应为18位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）。");

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{18}$")]
    private static partial Regex CodePattern();
}
