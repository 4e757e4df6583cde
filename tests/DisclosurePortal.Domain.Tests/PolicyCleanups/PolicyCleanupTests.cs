using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Domain.Publishing;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Domain.Tests.PolicyCleanups;

public sealed class PolicyCleanupTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static readonly Dictionary<int, CleanupCandidate> Library = new()
    {
        [1] = new(1, RecordKind.NormativeDocument, "关于加强农村宅基地管理的通知", "青政发〔2019〕3号", Validity.Valid),
        [2] = new(2, RecordKind.Regulation, "城市供水管理办法", "青政规〔2018〕1号", Validity.Valid),
        [3] = new(3, RecordKind.NormativeDocument, "关于开展专项整治的通知", null, Validity.Expired),
        [4] = new(4, RecordKind.NormativeDocument, "旧标准的通知", "青政发〔2010〕9号", Validity.Repealed),
        [5] = new(5, RecordKind.Notice, "停水通知", null, Validity.Valid),
    };

    private static CleanupDraft Draft(params CleanupEntryDraft[] entries) => new()
    {
        Title = "关于公布2026年度规范性文件清理结果的通知",
        IssuingBody = "县人民政府办公室",
        DecidedOn = new DateOnly(2026, 11, 30),
        DocumentNumber = "青政办发〔2026〕20号",
        Intro = "根据有关规定，县政府对现行行政规范性文件进行了全面清理。",
        Entries = entries,
    };

    private static PolicyCleanup Submitted(params CleanupEntryDraft[] entries)
    {
        var c = PolicyCleanup.Create(Draft(entries), Library, Today, "王审核", "r1", Now);
        c.Submit("王审核", "r1", Now);
        return c;
    }

    [Fact]
    public void Create_WithThreeLists_KeepsEntriesWithTheirNumbersAndPreviousValidity()
    {
        var c = PolicyCleanup.Create(Draft(new CleanupEntryDraft(1, Validity.Valid, null), new(2, Validity.Expired, "上位法已修改"), new(3, Validity.Repealed, "调整对象已消失")),
            Library, Today, "王审核", "r1", Now);
        Assert.Equal(CleanupState.Draft, c.State);
        Assert.Equal([1, 2, 3], c.Entries.Select(e => e.RecordId));
        Assert.Equal("青政规〔2018〕1号", c.Entries[1].DocumentNumber);
        Assert.Equal(Validity.Expired, c.Entries[2].PreviousValidity);
        Assert.False(c.Entries[0].Changes);
        Assert.True(c.Entries[1].Changes);
        Assert.Single(c.Events);
    }

    [Fact]
    public void Create_WithTheSameDocumentTwice_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => PolicyCleanup.Create(Draft(new CleanupEntryDraft(1, Validity.Valid, null), new(1, Validity.Expired, "x")), Library, Today, "王", "r1", Now));
        Assert.Contains("重复列入", ex.Message);
    }

    [Fact]
    public void Create_WithADocumentThatIsNotAPolicy_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => PolicyCleanup.Create(Draft(new CleanupEntryDraft(5, Validity.Expired, "过时")), Library, Today, "王", "r1", Now));
        Assert.Contains("不是规章或行政规范性文件", ex.Message);
    }

    [Fact]
    public void Create_WithADocumentNotPublished_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => PolicyCleanup.Create(Draft(new CleanupEntryDraft(99, Validity.Expired, "过时")), Library, Today, "王", "r1", Now));
        Assert.Contains("不是已发布的政策文件", ex.Message);
    }

    [Theory]
    [InlineData(4, Validity.Expired, "已废止")]
    [InlineData(4, Validity.Repealed, "已废止")]
    [InlineData(4, Validity.Valid, "已废止")]
    [InlineData(3, Validity.Valid, "不能宣布继续有效")]
    [InlineData(3, Validity.Expired, "不能再次宣布失效")]
    public void Conclusion_ThatMovesBackOrRepeats_IsRefused(int recordId, Validity conclusion, string message)
    {
        var ex = Assert.Throws<DomainException>(() => PolicyCleanup.Create(Draft(new CleanupEntryDraft(recordId, conclusion, "理由")), Library, Today, "王", "r1", Now));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void ExpiredDocument_MayBeRepealed()
    {
        var c = PolicyCleanup.Create(Draft(new CleanupEntryDraft(3, Validity.Repealed, "已无保留必要")), Library, Today, "王", "r1", Now);
        Assert.True(c.Entries.Single().Changes);
    }

    [Fact]
    public void ContinuingInForce_NeedsNoReason_ButExpiryAndRepealDo()
    {
        PolicyCleanup.Create(Draft(new CleanupEntryDraft(1, Validity.Valid, null)), Library, Today, "王", "r1", Now);
        var ex = Assert.Throws<DomainException>(() => PolicyCleanup.Create(Draft(new CleanupEntryDraft(1, Validity.Repealed, " ")), Library, Today, "王", "r1", Now));
        Assert.Contains("宣布废止的理由", ex.Message);
    }

    [Fact]
    public void Draft_WithMissingTitleFutureDateAndLongReason_ListsEveryProblem()
    {
        var draft = Draft(new CleanupEntryDraft(2, Validity.Expired, new string('理', 201))) with { Title = " ", DecidedOn = Today.AddDays(1) };
        var problems = CleanupRules.Problems(draft, Library, Today);
        Assert.Contains("请填写标题。", problems);
        Assert.Contains("决定日期不能晚于今天。", problems);
        Assert.Contains(problems, p => p.Contains("理由不能超过200个字"));
    }

    [Fact]
    public void Submit_WithNoEntries_IsRefused()
    {
        var c = PolicyCleanup.Create(Draft(), Library, Today, "王", "r1", Now);
        Assert.Throws<DomainException>(() => c.Submit("王", "r1", Now));
    }

    [Fact]
    public void Save_WhenSubmitted_IsRefused()
    {
        var c = Submitted(new CleanupEntryDraft(1, Validity.Valid, null));
        var ex = Assert.Throws<DomainException>(() => c.Save(Draft(new CleanupEntryDraft(2, Validity.Valid, null)), Library, Today, "王", "r1", Now));
        Assert.Contains("已提交审核", ex.Message);
    }

    [Fact]
    public void Approve_BySubmitter_IsRefused()
    {
        var c = Submitted(new CleanupEntryDraft(1, Validity.Valid, null));
        var ex = Assert.Throws<DomainException>(() => c.Approve(Library, new HashSet<int>(), Today, "王审核", "r1", Now));
        Assert.Contains("另一位审核员", ex.Message);
    }

    [Fact]
    public void Approve_ByAnotherReviewer_PublishesAndAnswersTheChangedEntries()
    {
        var c = Submitted(new(1, Validity.Valid, null), new(2, Validity.Expired, "上位法已修改"), new(3, Validity.Repealed, "已无保留必要"));
        var changed = c.Approve(Library, new HashSet<int>(), Today, "周审核", "r2", Now);
        Assert.Equal(CleanupState.Published, c.State);
        Assert.Equal(Today, c.PublishedOn);
        Assert.Equal([2, 3], changed.Select(e => e.RecordId));
        Assert.Equal(CleanupEventKind.Published, c.Events[^1].Kind);
    }

    [Fact]
    public void Approve_WhenADocumentWasRepealedMeanwhile_IsRefusedNamingIt()
    {
        var c = Submitted(new CleanupEntryDraft(2, Validity.Expired, "上位法已修改"));
        var now = new Dictionary<int, CleanupCandidate>(Library) { [2] = Library[2] with { Validity = Validity.Repealed } };
        var ex = Assert.Throws<DomainException>(() => c.Approve(now, new HashSet<int>(), Today, "周审核", "r2", Now));
        Assert.Contains("《城市供水管理办法》已废止", ex.Message);
        Assert.Equal(CleanupState.Submitted, c.State);
    }

    [Fact]
    public void Approve_WhenADocumentWasWithdrawnMeanwhile_IsRefusedNamingIt()
    {
        var c = Submitted(new CleanupEntryDraft(2, Validity.Expired, "上位法已修改"));
        var now = new Dictionary<int, CleanupCandidate>(Library);
        now.Remove(2);
        var ex = Assert.Throws<DomainException>(() => c.Approve(now, new HashSet<int>(), Today, "周审核", "r2", Now));
        Assert.Contains("《城市供水管理办法》已不是已发布的政策文件", ex.Message);
    }

    [Fact]
    public void Approve_WhenADocumentHasAnOpenVersion_IsRefusedNamingIt()
    {
        var c = Submitted(new(1, Validity.Valid, null), new(2, Validity.Expired, "上位法已修改"));
        var ex = Assert.Throws<DomainException>(() => c.Approve(Library, new HashSet<int> { 2 }, Today, "周审核", "r2", Now));
        Assert.Contains("《城市供水管理办法》", ex.Message);
        Assert.Contains("正在编辑或审核", ex.Message);
    }

    [Fact]
    public void Return_NeedsAReason_AndReopensTheDraft()
    {
        var c = Submitted(new CleanupEntryDraft(1, Validity.Valid, null));
        Assert.Throws<DomainException>(() => c.Return(" ", "周审核", "r2", Now));
        c.Return("请补充清理依据", "周审核", "r2", Now);
        Assert.Equal(CleanupState.Draft, c.State);
        Assert.Equal("请补充清理依据", c.ReturnReason);
        c.Save(Draft(new CleanupEntryDraft(2, Validity.Expired, "上位法已修改")), Library, Today, "王审核", "r1", Now);
        c.Submit("王审核", "r1", Now);
        Assert.Null(c.ReturnReason);
    }

    [Fact]
    public void Revalidate_CopiesThePublishedVersionButItsValidity_AndSupersedesIt()
    {
        var record = Record.Create(1, 2, 10, 2, RecordKind.NormativeDocument, Now);
        var v1 = RecordVersion.CreateDraft(record, 1, new RecordMetadata { Title = "城市供水管理办法", IssuingOrgan = "县人民政府", DocumentNumber = "青政规〔2018〕1号", Body = "正文" }, "编辑", Now);
        v1.Submit(Now);
        v1.Publish(new DateOnly(2018, 3, 1), Now);
        var v2 = CleanupRules.Revalidate(record, v1, Validity.Expired, "周审核", Now);
        v2.Publish(Today, Now);
        Assert.Equal(VersionState.Superseded, v1.State);
        Assert.False(v1.IsPublished);
        Assert.True(v2.IsPublished);
        Assert.True(v2.IsLatest);
        Assert.Equal(2, v2.Number);
        Assert.Equal(Validity.Expired, v2.Validity);
        Assert.Equal(Today, v2.PublishedOn);
        Assert.Equal(v1.Metadata with { Validity = Validity.Expired }, v2.Metadata);
    }

    [Fact]
    public void Revalidate_WithTheSameValidity_IsRefused()
    {
        var record = Record.Create(1, 2, 10, 2, RecordKind.NormativeDocument, Now);
        var v1 = RecordVersion.CreateDraft(record, 1, new RecordMetadata { Title = "办法", IssuingOrgan = "县人民政府" }, "编辑", Now);
        v1.Submit(Now);
        v1.Publish(Today, Now);
        Assert.Throws<DomainException>(() => { CleanupRules.Revalidate(record, v1, Validity.Valid, "周审核", Now); });
    }
}
