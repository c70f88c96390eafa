using Bunit;
using Bunit.TestDoubles;
using CivilAffairs.Core.Common;
using CivilAffairs.Portal.Components.Shared;
using CivilAffairs.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.Shared;

/// <summary>
/// The frame of every record form: whatever a save throws, the user reads why at the form, the
/// typed value stays, nothing navigates, and only faults nobody foresaw are logged as errors.
/// </summary>
public sealed class RecordFormTests : PortalTestContext
{
    private readonly ErrorLog _log = new();
    private string _typed = string.Empty;

    public RecordFormTests()
    {
        Services.AddSingleton<ILoggerProvider>(_log);
    }

    public static TheoryData<string, Func<Exception>, string> Failures => new()
    {
        { "domain rule", () => new DomainException("家庭成员中须有且只有一位户主。"), "家庭成员中须有且只有一位户主。" },
        { "month lock", () => new DomainException("精河县2026年10月的统计报表已报送，2026年10月的数据已锁定。"), "数据已锁定" },
        { "stale edit", () => new ConcurrencyConflictException(new DbUpdateConcurrencyException("stale")), "已被其他人修改或删除" },
        { "unique key", () => new DbUpdateException("save", new SqliteException("UNIQUE constraint failed", 19, 2067)), "与已有记录重复" },
        { "foreign key", () => new DbUpdateException("save", new SqliteException("FOREIGN KEY constraint failed", 19, 787)), "所引用的记录已不存在" },
        { "busy database", () => new DbUpdateException("save", new SqliteException("database is locked", 5, 5)), "数据库正忙" },
        { "unforeseen fault", () => new InvalidOperationException("boom"), "系统发生意外错误" },
    };

    private IRenderedComponent<RecordForm> RenderForm(Func<Task<string>> onSave, bool isNew = true)
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<RecordForm>(p => p
            .Add(f => f.Title, "测试表单")
            .Add(f => f.BackHref, "/list")
            .Add(f => f.Loaded, true)
            .Add(f => f.CanEdit, true)
            .Add(f => f.IsNew, isNew)
            .Add(f => f.OnSave, onSave)
            .Add(f => f.Fields, (RenderFragment)(b =>
            {
                b.OpenComponent<MudTextField<string>>(0);
                b.AddAttribute(1, nameof(MudTextField<string>.Value), _typed);
                b.AddAttribute(2, nameof(MudTextField<string>.ValueChanged), EventCallback.Factory.Create<string>(this, v => _typed = v));
                b.AddAttribute(3, "data-testid", "typed");
                b.CloseComponent();
            })));
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AFailedSaveIsExplainedAtTheFormAndTheInputStays(string kind, Func<Exception> failure, string message)
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var form = RenderForm(() => throw failure());

        form.Find("[data-testid=typed] input, input[data-testid=typed]").Change("王桂兰的家庭");
        await form.Find("[data-testid=save]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains(message, form.Find("[data-testid=form-error]").TextContent));
        Assert.Equal("王桂兰的家庭", form.Find("[data-testid=typed] input, input[data-testid=typed]").GetAttribute("value"));
        Assert.Equal("王桂兰的家庭", _typed);
        Assert.Empty(navigation.History);
        Assert.False(form.Find("[data-testid=save]").HasAttribute("disabled"), $"{kind}: the user can correct and save again");
        Assert.Equal(kind == "unforeseen fault", _log.Errors > 0);
    }

    [Fact]
    public async Task ASuccessfulNewRecordReplacesTheNewFormInTheHistory()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var form = RenderForm(() => Task.FromResult("/records/42"));

        await form.Find("[data-testid=save]").ClickAsync(new());

        var entry = Assert.Single(navigation.History);
        Assert.EndsWith("/records/42", entry.Uri);
        Assert.True(entry.Options.ReplaceHistoryEntry);
        Assert.Empty(form.FindAll("[data-testid=form-error]"));
    }

    [Fact]
    public async Task ASecondClickOnSaveOfANewRecordDoesNotCreateItAgain()
    {
        var saves = 0;
        var form = RenderForm(async () =>
        {
            saves++;
            await Task.Yield();
            return "/people/7";
        });

        await form.Find("[data-testid=save]").ClickAsync(new());
        await form.Find("[data-testid=save]").ClickAsync(new());

        Assert.Equal(1, saves);
        Assert.True(form.Find("[data-testid=save]").HasAttribute("disabled"));
    }

    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        public int Errors { get; private set; }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Errors++;
            }
        }

        public void Dispose()
        {
        }
    }
}
