using DisclosurePortal.Web.Infrastructure;
using System.Globalization;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Townships;

/// <summary>
/// A county listing narrowed to one 公开主体 (<c>?unit=12</c>) or to a level (<c>?level=Township</c>: 县级, 乡级, 村级),
/// issue 20 §7. A unit that is not a positive id, or a level that is not one of the three, is the Chinese 400 page; a
/// unit that does not exist is refused by <see cref="UnitScope"/>.
/// </summary>
public sealed record UnitFilter(int? Unit, UnitLevel? Level) : IQueryFilter<UnitFilter>
{
    public const string UnitProblem = "公开主体筛选条件无效。";
    public const string LevelProblem = "层级筛选条件无效，应为县级、乡级或村级。";

    public static class Keys
    {
        public const string Unit = "unit";
        public const string Level = "level";
    }

    public static UnitFilter Read(QueryReader query) =>
        new(query.Id(Keys.Unit, UnitProblem), query.Enum<UnitLevel>(Keys.Level, LevelProblem));

    public bool IsSet => Unit is not null || Level is not null;

    /// <summary>
    /// The set values as a link's route data (<c>asp-all-route-data</c>, which replaces any <c>asp-route-*</c>: add the
    /// link's other values to the returned dictionary).
    /// </summary>
    public Dictionary<string, string> RouteValues() =>
        Values().Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!);

    /// <summary>The filter's query values, for links that keep it (a pager, the year links).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Values() =>
    [
        new(Keys.Unit, Unit?.ToString(CultureInfo.InvariantCulture)),
        new(Keys.Level, Level?.ToString()),
    ];
}

/// <summary>A unit offered by the 公开主体 filter, under its level's group.</summary>
public sealed record UnitOption(int Id, string Name, UnitLevel Level);

/// <summary>
/// The units a <see cref="UnitFilter"/> keeps: null ids when it is not set (every unit); otherwise the chosen unit, or
/// the active units of the chosen level (a few dozen ids: the listing's index on domain and stage still orders the page).
/// </summary>
public sealed record UnitScope(IReadOnlyList<int>? Ids, IReadOnlyList<UnitOption> Options, UnitFilter Filter)
{
    /// <summary>Null when the chosen unit does not exist (a 400 with <see cref="UnitFilter.UnitProblem"/>). From the
    /// reference data held in memory (issue 23): no statement.</summary>
    public static UnitScope? Read(ReferenceSnapshot reference, UnitFilter filter)
    {
        var options = reference.Units.Where(u => u.IsActive).Select(u => new UnitOption(u.Id, u.Name, u.Level)).ToList();
        if (filter.Unit is { } unit)
            return reference.UnitsById.ContainsKey(unit) ? new UnitScope([unit], options, filter) : null;
        if (filter.Level is { } level)
            return new UnitScope([.. reference.Units.Where(u => u.Level == level).Select(u => u.Id)], options, filter);
        return new UnitScope(null, options, filter);
    }

    /// <summary>
    /// The units a report drawn for this filter covers (the quarterly and annual figures, issue 20 §7): a chosen
    /// township with the villages and communities whose records its editors keep (<see cref="UnitKeeping"/>), any other
    /// chosen unit alone, a level's units, or null for the whole county.
    /// </summary>
    public async Task<IReadOnlyList<int>?> ReportUnitsAsync(PortalDbContext db, CancellationToken ct)
    {
        if (Filter.Unit is not { } unit) return Ids;
        return [unit, .. await KeptUnits.VillagesOfAsync(db, unit, ct)];
    }

    /// <summary>The chosen unit's name, or null when no unit is chosen.</summary>
    public string? UnitName => Filter.Unit is { } unit ? Options.FirstOrDefault(o => o.Id == unit)?.Name : null;

    public IQueryable<RecordVersion> Apply(IQueryable<RecordVersion> published) =>
        Ids is null ? published : published.Where(v => Ids.Contains(v.DepartmentId));

    /// <summary>Whether the filter keeps a unit's items and records.</summary>
    public bool Keeps(int departmentId) => Ids is null || Ids.Contains(departmentId);

    /// <summary>The groups of the 公开主体 select: 县级部门, 乡镇（街道）, 村（社区）.</summary>
    public static string GroupName(UnitLevel level) => level switch
    {
        UnitLevel.Township => "乡镇（街道）",
        UnitLevel.Village => "村（社区）",
        _ => "县级部门",
    };

    /// <summary>The level filter's names: 县级, 乡级, 村级.</summary>
    public static string LevelName(UnitLevel level) => level switch
    {
        UnitLevel.Township => "乡级",
        UnitLevel.Village => "村级",
        _ => "县级",
    };
}

/// <summary>The 公开主体 / 层级 form above a listing: the listing's path and the other query values it keeps (stage, year).</summary>
public sealed record UnitFilterModel(UnitScope Scope, string Path, IReadOnlyList<KeyValuePair<string, string?>> Keep);
