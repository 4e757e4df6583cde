using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Domain.Reporting;

/// <summary>What Table 三 needs to know of one application case.</summary>
public sealed record CaseFacts(ApplicantKind ApplicantKind, DateOnly? ReceivedOn, ReplyType? Outcome, DateOnly? DecidedOn);

/// <summary>The rows of Table 三 of the annual report (国办公开办函〔2021〕30号), in the official order.</summary>
public enum ApplicationTableRow
{
    /// <summary>一、本年新收政府信息公开申请数量.</summary>
    NewThisYear = 1,
    /// <summary>二、上年结转政府信息公开申请数量.</summary>
    CarriedFromLastYear,
    Disclosed,
    PartiallyDisclosed,
    WithheldStateSecret,
    WithheldProhibitedByLaw,
    WithheldEndangersSecurity,
    WithheldThirdPartyRights,
    WithheldInternalAffairs,
    WithheldProcessInformation,
    WithheldEnforcementFile,
    WithheldAdministrativeQuery,
    UnavailableNotHeld,
    UnavailableNeedsCreation,
    UnavailableStillUnclear,
    NotProcessedPetition,
    NotProcessedRepeated,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,
    OtherNoSupplement,
    OtherFeeUnpaid,
    OtherOther,
    /// <summary>三（七）总计.</summary>
    DecidedTotal,
    /// <summary>四、结转下年度继续办理.</summary>
    CarriedToNextYear,
}

/// <summary>
/// Table 三 (收到和处理政府信息公开申请情况) computed from the cases: a case counts as new in the year it was received,
/// as decided in the year of its reply or closing, and as carried over while received but not yet decided across
/// 1 January. Columns are the applicant kinds (自然人, the five kinds of 法人或其他组织) and 总计.
/// </summary>
public sealed class ApplicationTable
{
    private readonly int[,] _cells;

    private ApplicationTable(int year, int[,] cells)
    {
        Year = year;
        _cells = cells;
    }

    public int Year { get; }

    /// <summary>The columns in the official order; the last column, 总计, is <see cref="Total"/>.</summary>
    public static IReadOnlyList<ApplicantKind> Columns { get; } = [.. Enum.GetValues<ApplicantKind>().Order()];

    public static IReadOnlyList<ApplicationTableRow> Rows { get; } = Enum.GetValues<ApplicationTableRow>();

    private static readonly Dictionary<ApplicantKind, int> ColumnIndex = Columns.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);

    /// <summary>The cell of a row for one applicant kind.</summary>
    public int this[ApplicationTableRow row, ApplicantKind column] => _cells[(int)row - 1, ColumnIndex[column]];

    /// <summary>总计: the row summed over every applicant kind.</summary>
    public int Total(ApplicationTableRow row) => Columns.Sum(c => this[row, c]);

    public static ApplicationTable Compute(int year, IEnumerable<CaseFacts> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var cells = new int[Rows.Count, Columns.Count];
        foreach (var c in cases)
        {
            if (c.ReceivedOn is not { } received || received > last) continue; // not yet received, or received later
            if (!ColumnIndex.TryGetValue(c.ApplicantKind, out var column)) throw new DomainException("申请人类型无效。");
            var decided = c.Outcome is not null ? c.DecidedOn ?? throw new DomainException("已办结的申请缺少办结日期。") : (DateOnly?)null;
            if (decided < received) throw new DomainException("办结日期早于收到申请之日。");
            if (decided < first) continue; // decided in an earlier year

            void Add(ApplicationTableRow row) => cells[(int)row - 1, column]++;
            Add(received >= first ? ApplicationTableRow.NewThisYear : ApplicationTableRow.CarriedFromLastYear);
            if (decided is not null && decided <= last)
            {
                Add(RowOf(c.Outcome!.Value));
                Add(ApplicationTableRow.DecidedTotal);
            }
            else
            {
                Add(ApplicationTableRow.CarriedToNextYear);
            }
        }
        return new ApplicationTable(year, cells);
    }

    /// <summary>The row of Table 三（三） a reply type counts in.</summary>
    public static ApplicationTableRow RowOf(ReplyType type) => type switch
    {
        ReplyType.Disclosed => ApplicationTableRow.Disclosed,
        ReplyType.PartiallyDisclosed => ApplicationTableRow.PartiallyDisclosed,
        ReplyType.WithheldStateSecret => ApplicationTableRow.WithheldStateSecret,
        ReplyType.WithheldProhibitedByLaw => ApplicationTableRow.WithheldProhibitedByLaw,
        ReplyType.WithheldEndangersSecurity => ApplicationTableRow.WithheldEndangersSecurity,
        ReplyType.WithheldThirdPartyRights => ApplicationTableRow.WithheldThirdPartyRights,
        ReplyType.WithheldInternalAffairs => ApplicationTableRow.WithheldInternalAffairs,
        ReplyType.WithheldProcessInformation => ApplicationTableRow.WithheldProcessInformation,
        ReplyType.WithheldEnforcementFile => ApplicationTableRow.WithheldEnforcementFile,
        ReplyType.WithheldAdministrativeQuery => ApplicationTableRow.WithheldAdministrativeQuery,
        ReplyType.UnavailableNotHeld => ApplicationTableRow.UnavailableNotHeld,
        ReplyType.UnavailableNeedsCreation => ApplicationTableRow.UnavailableNeedsCreation,
        ReplyType.UnavailableStillUnclear => ApplicationTableRow.UnavailableStillUnclear,
        ReplyType.NotProcessedPetition => ApplicationTableRow.NotProcessedPetition,
        ReplyType.NotProcessedRepeated => ApplicationTableRow.NotProcessedRepeated,
        ReplyType.NotProcessedPublication => ApplicationTableRow.NotProcessedPublication,
        ReplyType.NotProcessedExcessive => ApplicationTableRow.NotProcessedExcessive,
        ReplyType.NotProcessedConfirmation => ApplicationTableRow.NotProcessedConfirmation,
        ReplyType.OtherNoSupplement => ApplicationTableRow.OtherNoSupplement,
        ReplyType.OtherFeeUnpaid => ApplicationTableRow.OtherFeeUnpaid,
        ReplyType.OtherOther => ApplicationTableRow.OtherOther,
        _ => throw new DomainException("答复类型无效。"),
    };

    /// <summary>
    /// The consistency rule of the format: 一 + 二 = 三（七） + 四 in every column. Returns the columns where it fails
    /// (empty when the table is consistent).
    /// </summary>
    public IReadOnlyList<string> Inconsistencies()
    {
        var problems = new List<string>();
        foreach (var column in Columns)
        {
            var left = this[ApplicationTableRow.NewThisYear, column] + this[ApplicationTableRow.CarriedFromLastYear, column];
            var right = this[ApplicationTableRow.DecidedTotal, column] + this[ApplicationTableRow.CarriedToNextYear, column];
            var decided = Rows.Where(IsOutcome).Sum(r => this[r, column]);
            if (left != right) problems.Add($"{ApplicantKinds.Describe(column)}：一（{this[ApplicationTableRow.NewThisYear, column]}）+ 二（{this[ApplicationTableRow.CarriedFromLastYear, column]}）≠ 三（七）（{this[ApplicationTableRow.DecidedTotal, column]}）+ 四（{this[ApplicationTableRow.CarriedToNextYear, column]}）");
            if (decided != this[ApplicationTableRow.DecidedTotal, column]) problems.Add($"{ApplicantKinds.Describe(column)}：三（七）总计（{this[ApplicationTableRow.DecidedTotal, column]}）不等于各项办理结果之和（{decided}）");
        }
        return problems;
    }

    public static bool IsOutcome(ApplicationTableRow row) => row is > ApplicationTableRow.CarriedFromLastYear and < ApplicationTableRow.DecidedTotal;
}
