using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.Tests.Publishing;

/// <summary>回应关切 and 新闻发布会's own fields (issue 19).</summary>
public sealed class PublicResponsesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static RecordMetadata Concern(Func<RecordMetadata, RecordMetadata>? change = null)
    {
        var m = new RecordMetadata
        {
            Title = "回应", IssuingOrgan = "县政府办", ConcernSource = ConcernSource.MediaReport, ConcernDate = Today, ConcernSummary = "媒体报道停车难。",
        };
        return change is null ? m : change(m);
    }

    private static RecordMetadata Conference(Func<RecordMetadata, RecordMetadata>? change = null)
    {
        var m = new RecordMetadata
        {
            Title = "发布会", IssuingOrgan = "县政府办", ConferenceDate = Today, ConferencePlace = "县政府新闻发布厅", Speakers = "王明 局长",
        };
        return change is null ? m : change(m);
    }

    [Fact]
    public void ACompleteConcernResponse_AndPressConference_HaveNoProblems()
    {
        Assert.Empty(PublicResponses.Problems(RecordKind.ConcernResponse, Concern(), Today));
        Assert.Empty(PublicResponses.Problems(RecordKind.PressConference, Conference(), Today));
    }

    [Fact]
    public void OtherKinds_AreNotAskedForTheseFields() =>
        Assert.Empty(PublicResponses.Problems(RecordKind.Notice, new RecordMetadata { Title = "通知", IssuingOrgan = "县政府办" }, Today));

    [Fact]
    public void AConcernRaisedTomorrow_OrWithoutItsSource_IsRefused()
    {
        Assert.Contains(PublicResponses.Problems(RecordKind.ConcernResponse, Concern(m => m with { ConcernDate = Today.AddDays(1) }), Today),
            p => p.Field == nameof(RecordMetadata.ConcernDate));
        Assert.Contains(PublicResponses.Problems(RecordKind.ConcernResponse, Concern(m => m with { ConcernSource = (ConcernSource)42 }), Today),
            p => p.Field == nameof(RecordMetadata.ConcernSource));
    }

    [Theory]
    [InlineData("http://video.example/a.mp4")]
    [InlineData("javascript:alert(1)")]
    public void APressConferenceVideo_IsHttpsOnly(string url) =>
        Assert.Contains(PublicResponses.Problems(RecordKind.PressConference, Conference(m => m with { VideoUrl = url }), Today),
            p => p.Field == nameof(RecordMetadata.VideoUrl));

    [Fact]
    public void Speakers_AreReadOneALine_NameThenPost_WhateverTheSeparator()
    {
        var speakers = PublicResponses.Speakers("王明 县住建局局长\r\n\r\n赵芳，县财政局副局长\n李华：副县长\n陈刚\t应急管理局局长");
        Assert.Equal(
            [new Speaker("王明", "县住建局局长"), new Speaker("赵芳", "县财政局副局长"), new Speaker("李华", "副县长"), new Speaker("陈刚", "应急管理局局长")],
            speakers);
        Assert.Equal("王明\t县住建局局长\n赵芳\t县财政局副局长", PublicResponses.Normalise("王明 县住建局局长\n赵芳，县财政局副局长"));
    }

    [Theory]
    [InlineData("", "请填写至少一位发布人")]
    [InlineData("王明", "须写明职务")]
    public void Speakers_NeedANameAndAPost(string typed, string message) =>
        Assert.Contains(message, PublicResponses.SpeakersProblem(typed), StringComparison.Ordinal);

    [Fact]
    public void AVersion_KeepsOnlyItsKindsFields()
    {
        var notice = DisclosurePortal.Domain.Publishing.Record.Create(1, 1, 1, 1, RecordKind.Notice, DateTimeOffset.UnixEpoch);
        var v = RecordVersion.CreateDraft(notice, 1, Concern(m => m with { Speakers = "王明 局长", VideoUrl = "https://v.example/a.mp4" }), "编辑", DateTimeOffset.UnixEpoch);
        Assert.Null(v.ConcernSummary);
        Assert.Null(v.Speakers);
        Assert.Null(v.VideoUrl);

        var conference = DisclosurePortal.Domain.Publishing.Record.Create(1, 1, 1, 1, RecordKind.PressConference, DateTimeOffset.UnixEpoch);
        var c = RecordVersion.CreateDraft(conference, 1, Conference(m => m with { VideoUrl = "https://v.example/a.mp4", ConcernSummary = "不保存" }), "编辑", DateTimeOffset.UnixEpoch);
        Assert.Equal("王明\t局长", c.Speakers);
        Assert.Equal("https://v.example/a.mp4", c.VideoUrl);
        Assert.Null(c.ConcernSummary);
        Assert.Equal(c.Speakers, c.Metadata.Speakers); // a new version copies them
    }
}
