using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Units;

namespace DisclosurePortal.Domain.Tests.Units;

public sealed class UnitHierarchyTests
{
    private static Department Unit(UnitLevel level, Department? parent = null)
    {
        var d = new Department("单位", "单位", "11511099076240393N", "青发", 1);
        d.PlaceIn(level, parent);
        return d;
    }

    [Theory]
    [InlineData(UnitLevel.County, null, true)]
    [InlineData(UnitLevel.County, UnitLevel.County, false)]
    [InlineData(UnitLevel.Township, null, true)]
    [InlineData(UnitLevel.Township, UnitLevel.County, true)]
    [InlineData(UnitLevel.Township, UnitLevel.Township, false)]
    [InlineData(UnitLevel.Village, UnitLevel.Township, true)]
    [InlineData(UnitLevel.Village, null, false)]
    [InlineData(UnitLevel.Village, UnitLevel.County, false)]
    [InlineData(UnitLevel.Village, UnitLevel.Village, false)]
    public void Problem_FollowsTheHierarchy(UnitLevel level, UnitLevel? parent, bool allowed)
    {
        Assert.Equal(allowed, UnitHierarchy.Problem(level, parent) is null);
    }

    [Fact]
    public void PlaceIn_AVillageUnderATownship_TakesTheParent()
    {
        var township = Unit(UnitLevel.Township);
        var village = Unit(UnitLevel.Village, township);
        Assert.Equal(UnitLevel.Village, village.Level);
    }

    [Fact]
    public void PlaceIn_AVillageWithoutTownship_IsRefused_AndLeavesTheUnitAsItWas()
    {
        var unit = Unit(UnitLevel.County);
        var e = Assert.Throws<DomainException>(() => unit.PlaceIn(UnitLevel.Village, null));
        Assert.Contains("乡镇", e.Message, StringComparison.Ordinal);
        Assert.Equal(UnitLevel.County, unit.Level);
    }

    [Fact]
    public void PlaceIn_ItsOwnParent_IsRefused()
    {
        var unit = Unit(UnitLevel.Township);
        Assert.Throws<DomainException>(() => unit.PlaceIn(UnitLevel.Township, unit));
    }

    [Fact]
    public void ChildrenProblem_ATownshipWithVillages_CannotBecomeACountyUnit()
    {
        Assert.NotNull(UnitHierarchy.ChildrenProblem(UnitLevel.County, [UnitLevel.Village]));
        Assert.Null(UnitHierarchy.ChildrenProblem(UnitLevel.Township, [UnitLevel.Village]));
        Assert.Null(UnitHierarchy.ChildrenProblem(UnitLevel.County, [UnitLevel.Township]));
    }

    [Fact]
    public void NewDepartment_IsACountyUnit()
    {
        Assert.Equal(UnitLevel.County, new Department("单位", "单位", "11511099076240393N", "青发", 1).Level);
    }

    [Theory]
    [InlineData(5, 5, UnitLevel.Township, null, true)]    // its own unit
    [InlineData(5, 9, UnitLevel.Village, 5, true)]        // a village of its township (no accounts of its own)
    [InlineData(5, 9, UnitLevel.Village, 6, false)]       // another township's village
    [InlineData(5, 7, UnitLevel.Township, 5, false)]      // not a township under a county unit's editor
    [InlineData(5, 8, UnitLevel.County, null, false)]     // another department
    public void UnitKeeping_AVillageIsKeptByItsTownshipsEditors_Only(int editorUnit, int unit, UnitLevel level, int? parent, bool keeps)
    {
        Assert.Equal(keeps, UnitKeeping.Keeps(editorUnit, unit, level, parent));
    }
}
