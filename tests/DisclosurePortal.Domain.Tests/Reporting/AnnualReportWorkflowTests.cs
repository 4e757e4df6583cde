using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;

namespace DisclosurePortal.Domain.Tests.Reporting;

public sealed class AnnualReportWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);

    private static ManualFigures Figures(int total = 4) => ManualFigures.FromTable4(1, 2, 3, 1.25m, [2, 1, 0, 1, total, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

    [Fact]
    public void TheSubmitter_CannotPublishOrReturn_AnotherReviewerCan_AndPublishingFreezesTheNumbers()
    {
        var report = new AnnualReport(2025, Now);
        report.SaveDraft("总体", null, null, Figures(), Now);
        report.Submit("u1", "王审核", Now);
        Assert.Contains("不能自己发布", Assert.Throws<DomainException>(() => report.Publish("u1", "王审核", new AnnualReportTables { Year = 2025 }, Now)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => report.Return("u2", " ", Now));
        report.Return("u2", "请补充", Now);
        Assert.Equal(ReportState.Draft, report.State);
        report.Submit("u1", "王审核", Now);
        report.Publish("u2", "周审核", new AnnualReportTables { Year = 2025, ProcessingFeesYuan = 300m, Figures = Figures() }, Now);
        Assert.Equal(ReportState.Published, report.State);
        Assert.Equal(300m, report.PublishedTables()!.ProcessingFeesYuan);
        Assert.Equal(4, report.PublishedTables()!.Figures.Review.Total);
        Assert.Throws<DomainException>(() => report.SaveDraft("改", null, null, Figures(), Now));
    }

    [Fact]
    public void Table4_TotalMustBeTheSumOfItsResults()
    {
        var report = new AnnualReport(2025, Now);
        Assert.Contains("行政复议的总计", Assert.Throws<DomainException>(() => report.SaveDraft(null, null, null, Figures(total: 5), Now)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormativeDocuments_CountIssuedRepealedAndInForce()
    {
        DocumentFacts[] docs =
        [
            new(RecordKind.NormativeDocument, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 5), Validity.Valid),
            new(RecordKind.NormativeDocument, new DateOnly(2023, 3, 1), new DateOnly(2025, 6, 5), Validity.Repealed),
            new(RecordKind.NormativeDocument, new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 5), Validity.Valid),
            new(RecordKind.NormativeDocument, new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 5), Validity.Valid),
            new(RecordKind.NormativeDocument, new DateOnly(2021, 1, 3), new DateOnly(2021, 1, 5), Validity.Expired),
            new(RecordKind.Regulation, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 5), Validity.Valid),
        ];
        Assert.Equal(new DocumentCounts(1, 1, 2), NormativeDocumentTable.Compute(2025, RecordKind.NormativeDocument, docs));
        Assert.Equal(new DocumentCounts(1, 0, 1), NormativeDocumentTable.Compute(2025, RecordKind.Regulation, docs));
    }
}
