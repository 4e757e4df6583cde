using DisclosurePortal.Domain.Search;

namespace DisclosurePortal.Domain.Tests.Search;

/// <summary>文号 and 索引号 as people type them (issue 22): every way of writing one comes to the GB/T 9704 form.</summary>
public sealed class DocumentNumbersTests
{
    [Theory]
    [InlineData("青住建发〔2026〕28号")]
    [InlineData("青住建发[2026]28号")]
    [InlineData("青住建发(2026)28号")]
    [InlineData("青住建发（2026）28号")]
    [InlineData("青住建发【2026】28号")]
    [InlineData("青住建发［2026］28号")]
    [InlineData("青住建发｛2026｝28号")]
    [InlineData("青住建发{2026}28号")]
    [InlineData("青住建发〔2026〕第28号")]
    [InlineData("青住建发2026年28号")]
    [InlineData("青住建发2026年第28号")]
    [InlineData("青住建发2026 28")]
    [InlineData("青住建发 2026 28")]
    [InlineData("青住建发〔２０２６〕２８号")]
    [InlineData("青住建发[2026]028号")]
    [InlineData("  青住建发[2026]28  ")]
    public void EveryWayOfWritingIt_IsTheStandardForm(string typed) =>
        Assert.Equal("青住建发〔2026〕28号", DocumentNumbers.Canonical(typed));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("危房改造")]
    [InlineData("2026")]
    [InlineData("〔2026〕28号")] // no 机关代字
    [InlineData("青住建发〔1800〕28号")] // no such year
    [InlineData("青住建发〔2026〕0号")]
    [InlineData("青住建发〔2026〕123456号")]
    [InlineData("关于印发《青川县农村危房改造实施方案》的通知")]
    [InlineData("house2026 28")]
    public void WhatIsNotADocumentNumber_IsLeftAlone(string typed) => Assert.Null(DocumentNumbers.Canonical(typed));

    [Theory]
    [InlineData("11511099022152793X/2026-00077")]
    [InlineData("11511099022152793x/2026-00077")]
    [InlineData("11511099022152793X 2026 77")]
    [InlineData("11511099022152793X-2026-77")]
    [InlineData("１１５１１０９９０２２１５２７９３Ｘ／２０２６－０００７７")]
    [InlineData("11511099022152793X2026年77")]
    public void AnIndexNumber_TypedLoosely_IsTheStandardForm(string typed) =>
        Assert.Equal("11511099022152793X/2026-00077", DocumentNumbers.CanonicalIndexNumber(typed));

    [Theory]
    [InlineData("11511099022152793X")]
    [InlineData("1151109902215279/2026-00077")]
    [InlineData("11511099022152793X/2026-00000")]
    public void WhatIsNotAnIndexNumber_IsLeftAlone(string typed) => Assert.Null(DocumentNumbers.CanonicalIndexNumber(typed));

    [Theory]
    [InlineData("青住建发2026 28", "青住建发〔2026〕28号")]
    [InlineData("危房 青住建发[2026]28号", "危房 青住建发〔2026〕28号")]
    [InlineData("11511099022152793x 2026 77", "11511099022152793X/2026-00077")]
    [InlineData("危房改造 补助", null)]
    [InlineData("青住建发〔2026〕28号", null)]
    public void AQuery_HasItsDocumentNumbersWrittenAsStored(string query, string? expected) =>
        Assert.Equal(expected, DocumentNumbers.NormaliseQuery(query));
}
