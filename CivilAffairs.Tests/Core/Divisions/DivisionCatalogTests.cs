using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Tests.Core.Divisions;

public sealed class DivisionCatalogTests
{
    [Fact]
    public void HoldsThePrefectureItsFourCountiesAndTheirTownships()
    {
        Assert.Equal(34, DivisionCatalog.All.Count);
        Assert.Single(DivisionCatalog.All, d => d.Level == DivisionLevel.Prefecture);
        Assert.Equal(["博乐市", "阿拉山口市", "精河县", "温泉县"], DivisionCatalog.All.Where(d => d.Level == DivisionLevel.County).Select(d => d.Name));
    }

    [Fact]
    public void CountsOnlySubdistrictsTownsAndTownshipsAsTownshipLevel()
    {
        // 23 乡镇街道 per the domain document; farms, ranches and the industrial park are not.
        Assert.Equal(23, DivisionCatalog.All.Count(d => d.IsTownshipLevel));
        Assert.False(DivisionCatalog.Find("652722401")!.IsTownshipLevel); // 八家户农场
        Assert.False(DivisionCatalog.Find("652722402")!.IsTownshipLevel); // 精河工业园区
        Assert.True(DivisionCatalog.Find("652701001")!.IsTownshipLevel);  // 青得里街道
    }

    [Fact]
    public void EveryDivisionBelowThePrefectureHasAKnownParent()
    {
        Assert.All(DivisionCatalog.All.Where(d => d.Level != DivisionLevel.Prefecture),
            d => Assert.NotNull(DivisionCatalog.Find(d.ParentCode)));
    }

    [Theory]
    [InlineData("652700", "652723203", true)]  // prefecture sees a 温泉县 township
    [InlineData("652722", "652722100", true)]  // 精河县 sees 精河镇
    [InlineData("652722", "652723", false)]    // 精河县 does not see 温泉县
    [InlineData("652722", "652723100", false)]
    [InlineData("652722100", "652722101", false)] // one town does not see its neighbour
    [InlineData("652722100", "652722100", true)]
    public void ScopeContainsExactlyTheDivisionAndItsDescendants(string scope, string record, bool visible) =>
        Assert.Equal(visible, DivisionScope.For(scope).Contains(record));
}
