using DisclosurePortal.Domain.Columns;
using DisclosurePortal.Domain.Publishing;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Domain.Tests.Columns;

public sealed class ColumnTreeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A stored column: ids are the database's, set here as it would.</summary>
    private static DisclosureColumn Column(int id, int? parent, int order = 1, string name = "栏目")
    {
        var c = DisclosureColumn.Create(name + id, null, null, parent, order);
        typeof(DisclosureColumn).GetProperty(nameof(DisclosureColumn.Id))!.SetValue(c, id);
        return c;
    }

    [Fact]
    public void Article20_HasTheFifteenItemsOfTheArticle_InOrder_EachCited()
    {
        Assert.Equal(15, StatutoryColumns.Article20.Count);
        Assert.Equal("行政法规、规章和规范性文件", StatutoryColumns.Article20[0].NameZh);
        Assert.Equal("财政预算、决算信息", StatutoryColumns.Article20[6].NameZh);
        Assert.Equal("其他依法应当主动公开的政府信息", StatutoryColumns.Article20[14].NameZh);
        Assert.Equal("条例第二十条第（七）项", StatutoryColumns.Article20[6].Citation);
        Assert.Equal("条例第二十条第（十五）项", StatutoryColumns.Article20[14].Citation);
        Assert.All(StatutoryColumns.Article20, s => Assert.True(s.NameZh.Length <= DisclosureColumn.MaxNameLength));
        Assert.Contains(StatutoryColumns.Local, s => s.NameZh == "建议提案办理复文");
    }

    [Fact]
    public void Ordered_IsDepthFirst_BySortOrderThenId()
    {
        var all = new[] { Column(1, null, 2), Column(2, null, 1), Column(3, 1, 2), Column(4, 1, 1), Column(5, 4, 1) };
        Assert.Equal([(2, 1), (1, 1), (4, 2), (5, 3), (3, 2)], ColumnTree.Ordered(all).Select(n => (n.Column.Id, n.Depth)));
        Assert.Equal([4, 5, 3], ColumnTree.Descendants(1, all).Order().ToArray().OrderBy(i => i == 3 ? 9 : i));
    }

    [Fact]
    public void MoveTo_UnderItselfOrItsDescendant_IsRefused()
    {
        var all = new[] { Column(1, null), Column(2, 1), Column(3, 2) };
        Assert.Contains("下级栏目", Assert.Throws<DomainException>(() => all[0].MoveTo(3, 1, all)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => all[0].MoveTo(1, 1, all));
    }

    [Fact]
    public void MoveTo_DeeperThanThreeLevels_IsRefused_AndToTopLevel_IsAllowed()
    {
        var all = new[] { Column(1, null), Column(2, 1), Column(3, 2), Column(4, null), Column(5, 4) };
        Assert.Equal("栏目最多三级。", Assert.Throws<DomainException>(() => all[3].MoveTo(2, 1, all)).Message);
        all[2].MoveTo(null, 9, all);
        Assert.Null(all[2].ParentId);
        all[4].MoveTo(2, 1, all); // a leaf under a second-level column: level three
        Assert.Equal(2, all[4].ParentId);
    }

    [Fact]
    public void MoveTo_UnderARetiredColumn_IsRefused()
    {
        var all = new[] { Column(1, null), Column(2, null) };
        all[0].Retire(Now);
        Assert.Throws<DomainException>(() => all[1].MoveTo(1, 1, all));
    }

    [Fact]
    public void Delete_WithRecords_IsRefused_RetireInstead()
    {
        Assert.Equal("栏目下已有信息，不能删除，只能停用。", Assert.Throws<DomainException>(() => ColumnTree.EnsureCanDelete(1, 0)).Message);
        Assert.Throws<DomainException>(() => ColumnTree.EnsureCanDelete(0, 2));
        ColumnTree.EnsureCanDelete(0, 0);
        var c = Column(1, null);
        c.Retire(Now);
        Assert.True(c.IsRetired);
        Assert.Throws<DomainException>(() => c.Retire(Now));
        c.Reinstate();
        Assert.False(c.IsRetired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Rename_ToBlank_IsRefused(string name) =>
        Assert.Equal("栏目名称不能为空。", Assert.Throws<DomainException>(() => Column(1, null).Rename(name, null, null)).Message);

    [Fact]
    public void Rename_TooLong_IsRefused_AndWithoutEnglish_KeepsTheChineseName()
    {
        Assert.Throws<DomainException>(() => Column(1, null).Rename(new string('栏', 61), null, null));
        var c = Column(1, null);
        c.Rename(" 审计 ", " ", null);
        Assert.Equal(("审计", "审计"), (c.NameZh, c.NameEn));
    }

    [Fact]
    public void Record_InAColumnOnly_IsAllowed_WithoutItemDomainOrStage()
    {
        var r = Record.Create(1, null, null, null, RecordKind.OtherDocument, Now, columnId: 7);
        Assert.Equal((null, null, null, 7), (r.CatalogueItemId, r.DomainId, r.StageId, r.ColumnId));
        var both = Record.Create(1, 2, 10, 2, RecordKind.OtherDocument, Now, columnId: 7);
        Assert.Equal((2, 7), (both.CatalogueItemId, both.ColumnId));
    }

    [Fact]
    public void Record_WithNeitherItemNorColumn_IsRefused()
    {
        Assert.Equal(RecordPlacement.NowhereMessage,
            Assert.Throws<DomainException>(() => Record.Create(1, null, null, null, RecordKind.OtherDocument, Now)).Message);
        Assert.Equal(RecordPlacement.NowhereMessage, RecordPlacement.Problem(null, null));
        Assert.Null(RecordPlacement.Problem(null, 3));
    }

    [Fact]
    public void Record_WithAnItemButNoDomain_IsRefused() =>
        Assert.Throws<DomainException>(() => Record.Create(1, 2, null, 2, RecordKind.OtherDocument, Now));

    [Fact]
    public void ColumnOnlyRecord_GetsItsDepartmentsIndexNumber_AndItsVersionsCarryTheColumnAndSummaryFlag()
    {
        var r = Record.Create(1, null, null, null, RecordKind.OtherDocument, Now, columnId: 7);
        r.AssignIndexNumber(new IndexNumber("11511099022152793X", 2026, 3));
        Assert.Equal("11511099022152793X/2026-00003", r.IndexNumber);
        var v = RecordVersion.CreateDraft(r, 1, new RecordMetadata { Title = "答复", IssuingOrgan = "县住建局", IsSummary = true }, "编辑", Now);
        Assert.Equal((7, (int?)null, true), (v.ColumnId, v.CatalogueItemId, v.IsSummary));
        Assert.True(v.Metadata.IsSummary);
    }
}
