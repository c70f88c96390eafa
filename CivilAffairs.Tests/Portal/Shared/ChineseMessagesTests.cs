using Bunit;
using CivilAffairs.Tests.Support;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.Shared;

/// <summary>MudBlazor's own validation texts speak Chinese: no 「Required」 or 「Not a valid number」 on a form.</summary>
public sealed class ChineseMessagesTests : PortalTestContext
{
    private MudForm? _form;

    [Fact]
    public async Task ARequiredFieldLeftEmptyAndAWordInANumberFieldAreExplainedInChinese()
    {
        var form = Render<MudForm>(p => p
            .Add(f => f.ChildContent, (RenderFragment)(b =>
            {
                b.OpenComponent<MudTextField<string>>(0);
                b.AddAttribute(1, nameof(MudTextField<string>.Required), true);
                b.AddAttribute(2, "data-testid", "name");
                b.CloseComponent();
                b.OpenComponent<MudTextField<int>>(3);
                b.AddAttribute(4, "data-testid", "count");
                b.CloseComponent();
            })));
        _form = form.Instance;

        form.Find("[data-testid=count] input, input[data-testid=count]").Change("十二");
        await form.InvokeAsync(() => _form.ValidateAsync());

        form.WaitForAssertion(() => Assert.Contains("此项为必填项。", form.Markup));
        Assert.Contains("请输入有效的数字。", form.Markup);
        Assert.DoesNotContain("Required", form.Markup);
        Assert.DoesNotContain("Not a valid number", form.Markup);
    }
}
