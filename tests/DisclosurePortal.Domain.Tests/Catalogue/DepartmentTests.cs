using DisclosurePortal.Domain.Catalogue;

namespace DisclosurePortal.Domain.Tests.Catalogue;

public sealed class DepartmentTests
{
    private static Department Finance() => new("青川县财政局", "县财政局", "11511099076240393N", "青财发", 3);

    [Fact]
    public void Update_ReplacesEveryParticular_Trimmed()
    {
        var department = Finance();
        department.Update(" 青川县财政局（国资办） ", " 财政局 ", "11511099076240394P", " 青财 ", 7);
        Assert.Equal("青川县财政局（国资办）", department.Name);
        Assert.Equal("财政局", department.ShortName);
        Assert.Equal("11511099076240394P", department.OrganisationCode);
        Assert.Equal("青财", department.DocumentPrefix);
        Assert.Equal(7, department.SortOrder);
    }

    [Theory]
    [InlineData("11511099076240393")]
    [InlineData("1151109907624039IO")]
    [InlineData("11511099076240393n")]
    public void Update_WithAnInvalidOrganisationCode_IsRefused_AndChangesNothing(string code)
    {
        var department = Finance();
        var ex = Assert.Throws<DomainException>(() => department.Update("改名后的财政局", "县财政局", code, "青财发", 3));
        Assert.Contains("统一社会信用代码", ex.Message, StringComparison.Ordinal);
        Assert.Equal("11511099076240393N", department.OrganisationCode);
        Assert.Equal("青川县财政局", department.Name);
    }

    [Fact]
    public void Update_WithABlankName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Finance().Update(" ", "县财政局", "11511099076240393N", "青财发", 3));
    }

    [Fact]
    public void Deactivate_ThenActivate_TogglesIsActive_AndRefusesRepeats()
    {
        var department = Finance();
        department.Deactivate();
        Assert.False(department.IsActive);
        Assert.Throws<DomainException>(department.Deactivate);
        department.Activate();
        Assert.True(department.IsActive);
        Assert.Throws<DomainException>(department.Activate);
    }
}
