using MudBlazor;

namespace CivilAffairs.Portal.Components.Layout;

internal static class PortalTheme
{
    // System CJK fonts first: the portal must not depend on fonts from the internet.
    private static readonly string[] Fonts =
        ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F5FA8",
            Secondary = "#B8322A",
            AppbarBackground = "#1F5FA8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
        },
    };
}
