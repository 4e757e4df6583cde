using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.Tests.Publishing;

public sealed class IndexNumberTests
{
    [Fact]
    public void Format_MatchesTheSeedExample() =>
        Assert.Equal("11220302013626563Q/2016-08520", new IndexNumber("11220302013626563Q", 2016, 8520).ToString());

    [Fact]
    public void TryParse_RoundTrips()
    {
        Assert.True(IndexNumber.TryParse("11220302013626563Q/2016-08520", out var parsed));
        Assert.Equal(new IndexNumber("11220302013626563Q", 2016, 8520), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("11220302013626563Q-2016-08520")]
    [InlineData("11220302013626563Q/2016-0852")]
    [InlineData("11220302013626563Q/2016-00000")]
    [InlineData("11220302013626563Q/20a6-08520")]
    [InlineData("1122030201362656OQ/2016-08520")]
    public void TryParse_RefusesMalformedNumbers(string text) =>
        Assert.False(IndexNumber.TryParse(text, out _));

    [Fact]
    public void Counter_IssuesConsecutiveSerialsPerOrganisationAndYear()
    {
        var counter = new IndexNumberCounter("11220302013626563Q", 2026);
        Assert.Equal("11220302013626563Q/2026-00001", counter.Next().ToString());
        Assert.Equal("11220302013626563Q/2026-00002", counter.Next().ToString());
    }

    [Fact]
    public void Serial_CannotExceedFiveDigits() =>
        Assert.Throws<DomainException>(() => new IndexNumber("11220302013626563Q", 2026, 100_000));
}
