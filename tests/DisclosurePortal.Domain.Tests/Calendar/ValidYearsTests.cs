using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Reporting;

namespace DisclosurePortal.Domain.Tests.Calendar;

public sealed class ValidYearsTests
{
    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    public void IsValid_From2000To2100(int year, bool valid) => Assert.Equal(valid, ValidYears.IsValid(year));

    [Fact]
    public void EveryYearOfThePortal_IsRefusedWithTheSameMessage()
    {
        Assert.Equal(ValidYears.Message, Assert.Throws<DomainException>(() => new Quarter(1999, 1)).Message);
        Assert.Equal(ValidYears.Message, Assert.Throws<DomainException>(() => new AnnualReport(2101, DateTimeOffset.UnixEpoch)).Message);
        Assert.Equal(ValidYears.Message, Assert.Throws<DomainException>(() => new CalendarYear(1999, "国办发明电", DateTimeOffset.UnixEpoch)).Message);
        Assert.False(CalendarFile.IsValidYear(ValidYears.Max + 1));
    }
}
