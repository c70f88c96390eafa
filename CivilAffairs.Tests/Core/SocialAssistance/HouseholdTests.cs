using CivilAffairs.Core.Common;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialAssistance;

public sealed class HouseholdTests : SocialAssistanceTestBase
{
    [Fact]
    public async Task MembersCanBeChangedAddedAndRemovedAndThePerCapitaIncomeFollows()
    {
        var id = await HouseholdAsync(JingheTown, UrbanRural.Urban, 300, 100, 0);
        var form = (await Households().GetAsync(id))!;
        form.Members[0].MonthlyIncome = 500;
        form.Members.RemoveAt(2);
        form.Members.Add(new MemberForm { IdNumber = TestIds.For("652722", new DateOnly(2015, 6, 1), 777), Name = "新成员", Relation = HouseholdRelation.Grandchild });

        await Households().SaveAsync(form);

        var row = Assert.Single((await Households().ListAsync(new HouseholdFilter(), new PageRequest(0, 20))).Items);
        Assert.Equal((3, 200m), (row.Members, row.PerCapitaIncome));   // (500 + 100 + 0) / 3
        Assert.Contains((await Households().GetAsync(id))!.Members, m => m.Name == "新成员");
    }

    [Fact]
    public async Task AHouseholdNeedsExactlyOneHead()
    {
        var form = new HouseholdForm
        {
            DivisionCode = JingheTown,
            Members = [new MemberForm { IdNumber = TestIds.For("652722", new DateOnly(1970, 1, 1), 701), Name = "甲", Relation = HouseholdRelation.Spouse }],
        };

        var ex = await Assert.ThrowsAsync<DomainException>(() => Households().SaveAsync(form));
        Assert.Contains("户主", ex.Message);
    }

    [Fact]
    public async Task APersonBelongsToOneHouseholdOnly()
    {
        var first = (await Households().GetAsync(await HouseholdAsync(JingheTown, UrbanRural.Rural, 100)))!;
        var idNumber = first.Members[0].IdNumber;
        var form = new HouseholdForm
        {
            DivisionCode = JingheTown,
            Members = [new MemberForm { IdNumber = idNumber, Name = "重复", Relation = HouseholdRelation.Head }],
        };

        var ex = await Assert.ThrowsAsync<DomainException>(() => Households().SaveAsync(form));
        Assert.Contains("其他救助家庭", ex.Message);
    }

    [Fact]
    public async Task TwoNewMembersWithOneIdNumberAreNamedAndNothingIsSaved()
    {
        var number = TestIds.For("652722", new DateOnly(1980, 5, 6), 703);
        var form = new HouseholdForm
        {
            DivisionCode = JingheTown,
            Members =
            [
                new MemberForm { IdNumber = number, Name = "户主甲", Relation = HouseholdRelation.Head },
                new MemberForm { IdNumber = TestIds.For("652722", new DateOnly(2010, 1, 1), 705), Name = "子女乙", Relation = HouseholdRelation.Child },
                new MemberForm { IdNumber = $" {number.ToLowerInvariant()} ", Name = "误录丙", Relation = HouseholdRelation.Child },
            ],
        };

        var ex = await Assert.ThrowsAsync<DomainException>(() => Households().SaveAsync(form));

        Assert.Equal("第 3 位成员的身份证号与第 1 位成员重复。", ex.Message);
        Assert.Empty((await Households().ListAsync(new HouseholdFilter(), new PageRequest(0, 20))).Items);
    }

    [Fact]
    public async Task AddingAPersonWhoIsAlreadyAMemberOfTheSameHouseholdIsRefused()
    {
        var id = await HouseholdAsync(JingheTown, UrbanRural.Rural, 100, 50);
        var form = (await Households().GetAsync(id))!;
        var existing = form.Members[1];
        form.Members.Add(new MemberForm { IdNumber = existing.IdNumber, Name = existing.Name, Relation = HouseholdRelation.Other });

        var ex = await Assert.ThrowsAsync<DomainException>(() => Households().SaveAsync(form));

        Assert.Contains("已是本家庭的成员", ex.Message);
        Assert.Equal(2, (await Households().GetAsync(id))!.Members.Count);
    }
}
