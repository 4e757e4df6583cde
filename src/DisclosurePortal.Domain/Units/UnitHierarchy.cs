namespace DisclosurePortal.Domain.Units;

/// <summary>Where a unit stands in the county's hierarchy (county → 乡镇/街道 → 村/社区).</summary>
public enum UnitLevel
{
    /// <summary>县级 (the county government and its departments).</summary>
    County = 1,
    /// <summary>乡镇（街道）.</summary>
    Township = 2,
    /// <summary>村（社区）.</summary>
    Village = 3,
}

/// <summary>
/// The rules of the hierarchy (国办发〔2019〕54号 basic-level standardisation: the county's catalogue reaches the
/// townships, and village/community affairs are published by the village/community, 向社区延伸): a village or community
/// belongs to a township; a township belongs to the county level or stands alone; county units have no parent.
/// </summary>
public static class UnitHierarchy
{
    /// <summary>Why <paramref name="level"/> cannot sit under a parent of <paramref name="parentLevel"/> (null: no parent); null when it can.</summary>
    public static string? Problem(UnitLevel level, UnitLevel? parentLevel) => (level, parentLevel) switch
    {
        (UnitLevel.County, null) => null,
        (UnitLevel.County, _) => "县级单位不设上级单位。",
        (UnitLevel.Township, null or UnitLevel.County) => null,
        (UnitLevel.Township, _) => "乡镇（街道）的上级单位只能是县级单位，或不设上级单位。",
        (UnitLevel.Village, UnitLevel.Township) => null,
        (UnitLevel.Village, _) => "村（社区）的上级单位应为乡镇（街道）。",
        _ => "请选择单位层级。",
    };

    /// <summary>Why a unit with children of <paramref name="childLevels"/> cannot become <paramref name="level"/>; null when it can.</summary>
    public static string? ChildrenProblem(UnitLevel level, IEnumerable<UnitLevel> childLevels) =>
        childLevels.Any(child => Problem(child, level) is not null)
            ? "该单位下还有下级单位，改为此层级后它们的上级将不再符合规定，请先调整下级单位。"
            : null;
}

/// <summary>
/// Who keeps a unit's records (issue 20 §7). A unit's own editors keep its records. A village or community has no
/// accounts of its own: its 村务公开 is published on the portal by the editors of the township it belongs to, who
/// choose the village as the publishing unit (the village committee remains the publishing organ named on the record,
/// 《中华人民共和国村民委员会组织法》第三十条; the township guides and supervises it, 第五条 and 第三十一条). Nobody else keeps them:
/// not another township's editors, not the county's.
/// </summary>
public static class UnitKeeping
{
    /// <summary>Whether an editor of <paramref name="editorUnit"/> keeps the records of a unit of <paramref name="level"/> under <paramref name="parent"/>.</summary>
    public static bool Keeps(int editorUnit, int unit, UnitLevel level, int? parent) =>
        unit == editorUnit || (level == UnitLevel.Village && parent == editorUnit);
}
