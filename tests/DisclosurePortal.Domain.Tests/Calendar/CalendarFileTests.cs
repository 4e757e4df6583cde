using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Tests.Calendar;

public sealed class CalendarFileTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static string File(string years, string source = "\"国办发明电〔2025〕7号\"") =>
        "{\"source\": " + source + ", \"note\": \"n\", \"years\": {" + years + "}}";

    private static CalendarRuleException Refused(string json) => Assert.Throws<CalendarRuleException>(() => CalendarFile.Parse(json));

    [Fact]
    public void Parse_ReadsEveryYear_WithItsDatesSorted()
    {
        var file = CalendarFile.Parse(File("""
            "2031": {"off": ["2031-10-02", "2031-10-01"], "work": ["2031-09-28"]},
            "2030": {"off": [], "work": []}
            """));

        Assert.Equal("国办发明电〔2025〕7号", file.Source);
        Assert.Equal([2030, 2031], file.Years.Select(y => y.Year));
        Assert.Equal([D("2031-10-01"), D("2031-10-02")], file.Years[1].Off);
        Assert.Equal([D("2031-09-28")], file.Years[1].Work);
    }

    [Fact]
    public void ToJson_ThenParse_RoundTrips_InTheSharedFilesLayout()
    {
        var file = new CalendarFile("国办发明电〔2025〕7号", null,
            [new CalendarYearDays(2026, [D("2026-10-02"), D("2026-10-01")], [D("2026-10-10")])]);

        var json = file.ToJson();

        Assert.StartsWith("{\n \"source\": \"国办发明电〔2025〕7号\",\n \"note\": ", json, StringComparison.Ordinal);
        Assert.Contains("\"2026\": {\n   \"off\": [\n    \"2026-10-01\",\n    \"2026-10-02\"\n   ],", json, StringComparison.Ordinal);
        var again = CalendarFile.Parse(json);
        Assert.Equal(file.Years[0].Off.Order(), again.Years[0].Off);
        Assert.Equal(file.Years[0].Work, again.Years[0].Work);
        Assert.Equal(CalendarFile.DefaultNote, again.Note);
    }

    [Theory]
    [InlineData("{\"source\": \"x\", \"years\": {", "文件不是格式正确的 JSON（第 1 行附近有错误）。")]
    [InlineData("[]", "文件应是一个 JSON 对象，包含 source、note 和 years。")]
    [InlineData("{\"years\": {\"2031\": {}}}", "文件缺少 source（日历依据，例如国务院办公厅通知的文号）。")]
    [InlineData("{\"source\": \"x\"}", "文件缺少 years 对象（每个年份下有 off 和 work 两个日期列表）。")]
    [InlineData("{\"source\": \"x\", \"years\": {}}", "文件的 years 中没有任何年份。")]
    public void Parse_RefusesAFileOfTheWrongShape(string json, string message) =>
        Assert.Equal(message, Refused(json).Message);

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("20x1")]
    [InlineData("+2031")]
    public void Parse_RefusesAYearOutside2000To2100(string year) =>
        Assert.Equal($"年份“{year}”无效：年份应为 2000 到 2100 之间的四位数字。", Refused(File($"\"{year}\": {{\"off\": [], \"work\": []}}")).Message);

    [Theory]
    [InlineData("\"2031/10/01\"", "“2031/10/01”")]
    [InlineData("\"2031-02-30\"", "“2031-02-30”")]
    [InlineData("20311001", "“20311001”")]
    public void Parse_RefusesADateNotInIsoFormat(string date, string named) =>
        Assert.Equal($"2031 年 off 中的{named}不是 yyyy-MM-dd 格式的日期。", Refused(File($"\"2031\": {{\"off\": [{date}], \"work\": []}}")).Message);

    [Fact]
    public void Parse_RefusesADateOutsideItsYearKey() =>
        Assert.Equal("2031 年 off 中的日期 2032-01-01 不在 2031 年内。",
            Refused(File("\"2031\": {\"off\": [\"2031-01-01\", \"2032-01-01\"], \"work\": []}")).Message);

    [Fact]
    public void Parse_RefusesADateBothOffAndWork() =>
        Assert.Equal("2031 年的 2031-10-04 既列为休息日（off）又列为调休上班日（work），一个日期只能是其中一种。",
            Refused(File("\"2031\": {\"off\": [\"2031-10-04\"], \"work\": [\"2031-10-04\"]}")).Message);

    [Fact]
    public void Parse_RefusesAWorkDateOnAWeekday() =>
        // 2031-10-06 is a Monday.
        Assert.Equal("2031 年的调休上班日（work）2031-10-06 不是星期六或星期日；调休上班日只能是周末。",
            Refused(File("\"2031\": {\"off\": [], \"work\": [\"2031-10-04\", \"2031-10-06\"]}")).Message);

    [Fact]
    public void Parse_RefusesADuplicateDate() =>
        Assert.Equal("2031 年 off 中的日期 2031-10-01 重复出现。",
            Refused(File("\"2031\": {\"off\": [\"2031-10-01\", \"2031-10-01\"], \"work\": []}")).Message);

    [Fact]
    public void Parse_RefusesASourceLongerThanTheColumn() =>
        Assert.Equal("source（日历依据）不能超过 200 个字。", Refused(File("\"2031\": {}", $"\"{new string('文', 201)}\"")).Message);

    [Fact]
    public void Refusal_KeepsTheTemplateAndArguments_ForTranslation()
    {
        var refused = Refused(File("\"2031\": {\"off\": [], \"work\": [\"2031-10-06\"]}"));
        Assert.Equal("{0} 年的调休上班日（work）{1} 不是星期六或星期日；调休上班日只能是周末。", refused.Template);
        Assert.Equal(["2031", "2031-10-06"], refused.Args);
    }

    [Fact]
    public void CheckEntry_AcceptsAHolidayOnAWeekday_AndAWorkedWeekendDay()
    {
        CalendarFile.CheckEntry(2031, D("2031-10-06"), CalendarDayKind.Off, null);
        CalendarFile.CheckEntry(2031, D("2031-10-04"), CalendarDayKind.Work, null);
    }

    [Theory]
    [InlineData("2032-01-01", CalendarDayKind.Off, null, "2032-01-01 不在 2031 年内。")]
    [InlineData("2031-10-01", CalendarDayKind.Off, CalendarDayKind.Off, "2031-10-01 已经是休息日。")]
    [InlineData("2031-10-04", CalendarDayKind.Work, CalendarDayKind.Work, "2031-10-04 已经是调休上班日。")]
    [InlineData("2031-10-04", CalendarDayKind.Off, CalendarDayKind.Work, "2031-10-04 已录入为调休上班日，一个日期不能既是休息日又是调休上班日；请先删除原来的记录。")]
    [InlineData("2031-10-04", CalendarDayKind.Work, CalendarDayKind.Off, "2031-10-04 已录入为休息日，一个日期不能既是休息日又是调休上班日；请先删除原来的记录。")]
    [InlineData("2031-10-06", CalendarDayKind.Work, null, "2031-10-06 不是星期六或星期日，本来就是工作日，不能录入为调休上班日。")]
    public void CheckEntry_RefusesWithAMessageThatNamesTheDate(string date, CalendarDayKind kind, CalendarDayKind? existing, string message) =>
        Assert.Equal(message, Assert.Throws<CalendarRuleException>(() => CalendarFile.CheckEntry(2031, D(date), kind, existing)).Message);
}
