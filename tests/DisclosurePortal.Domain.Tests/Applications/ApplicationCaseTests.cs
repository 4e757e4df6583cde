using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Domain.Tests.Applications;

public sealed class ApplicationCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    private static ApplicationDetails Details(ApplicationChannel channel) => new()
    {
        ApplicantKind = ApplicantKind.NaturalPerson,
        ApplicantName = "张三",
        Contact = "13800000000",
        InformationDescription = "2025年农村危房改造补助资金发放明细",
        Channel = channel,
    };

    [Theory]
    [InlineData(ApplicationChannel.Online, ApplicationState.AwaitingConfirmation)] // 条例 Art. 31: received when confirmed
    [InlineData(ApplicationChannel.Fax, ApplicationState.AwaitingConfirmation)]
    [InlineData(ApplicationChannel.InPerson, ApplicationState.InProgress)]
    [InlineData(ApplicationChannel.Mail, ApplicationState.InProgress)]
    public void Submit_StartsInTheStateTheChannelRequires(ApplicationChannel channel, ApplicationState expected) =>
        Assert.Equal(expected, ApplicationCase.Submit(Details(channel), "Q1234567", Now).State);

    [Fact]
    public void Submit_WithoutDescription_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => ApplicationCase.Submit(Details(ApplicationChannel.Online) with { InformationDescription = " " }, "Q1", Now));
        Assert.Contains("请描述所需政府信息", ex.Message, StringComparison.Ordinal);
    }
}
