using DisclosurePortal.Web.Features.ManageRecords;

namespace DisclosurePortal.Web.Tests.ManageRecords;

/// <summary>The record page adds the 落款 after a document with a 文号, unless the pasted body already ends with one (issue 18).</summary>
public sealed class RecordSignatureTests
{
    private const string Organ = "青川县住房和城乡建设局";

    [Theory]
    [InlineData("正文。\n\n青川县住房和城乡建设局\n\n2026年3月5日")]
    [InlineData("正文。\n青川县住房和城乡建设局\n2026年03月05日\n\n")]
    [InlineData("正文。\n\n　　　　青川县住房和城乡建设局\n　　　　二〇二六年三月五日")] // right-aligned with full-width spaces, as pasted from Word
    [InlineData("正文。\n\n**青川县住房和城乡建设局**\n\n**2026年3月5日**")]
    [InlineData("正文。\n\n青川县住房和城乡建设局 2026-03-05")]
    [InlineData("正文。\n\n中共青川县委 青川县住房和城乡建设局\n\n2026年3月5日")] // a joint document: ours is the last organ
    public void ABodyEndingWithTheOrganAndADate_IsNotGivenASecondSignature(string body)
    {
        Assert.True(RecordSignature.EndsWithOne(body, Organ));
        Assert.False(RecordSignature.IsAdded("青住建发〔2026〕7号", body, Organ));
    }

    [Theory]
    [InlineData("正文。")]
    [InlineData("正文。\n\n2026年3月5日")] // a date without the organ
    [InlineData("正文。\n\n青川县住房和城乡建设局")] // the organ without a date
    [InlineData("青川县住房和城乡建设局于2026年3月5日印发。\n\n请遵照执行。")] // both, but not at the end
    [InlineData("正文。\n\n青川县财政局\n\n2026年3月5日")] // another organ's signature
    [InlineData("")]
    public void OtherBodies_GetTheSignature(string body)
    {
        Assert.False(RecordSignature.EndsWithOne(body, Organ));
        Assert.True(RecordSignature.IsAdded("青住建发〔2026〕7号", body, Organ));
    }

    [Fact]
    public void ADocumentWithoutANumber_GetsNoSignature_AsBefore() =>
        Assert.False(RecordSignature.IsAdded(null, "正文。", Organ));
}
