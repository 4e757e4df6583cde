using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Web.Features.Shared;

namespace DisclosurePortal.Web.Features.Assessments;

/// <summary>The {year} of a 考核 URL.</summary>
public sealed record AssessmentYear(int Year) : IQueryFilter<AssessmentYear>
{
    public static AssessmentYear Read(QueryReader q) => new(q.Year("year", ValidYears.Message) ?? 0);
}

/// <summary>The {year} and {id} of an indicator or a unit under a year.</summary>
public sealed record AssessmentYearItem(int Year, int Id) : IQueryFilter<AssessmentYearItem>
{
    public static AssessmentYearItem Read(QueryReader q) => new(q.Year("year", ValidYears.Message) ?? 0, q.Id("id", "编号应为数字。") ?? 0);
}

/// <summary>?year= of the unit's own breakdown (default: the latest computed year).</summary>
public sealed record OwnAssessmentQuery(int? Year) : IQueryFilter<OwnAssessmentQuery>
{
    public const string Key = "year";

    public static OwnAssessmentQuery Read(QueryReader q) => new(q.Year(Key, ValidYears.Message));
}
