using Microsoft.Playwright;

namespace NewsroomCms.BrowserTests.Infrastructure;

/// <summary>Base of the browser tests: a site per test class, fresh browser contexts per test.</summary>
public abstract class BrowserTest(NewsroomSite site) : BrowserTest<NewsroomSite>(site);

/// <summary>
/// Base of the browser tests on a site set up differently: <typeparamref name="TSite"/> sets its
/// configuration in its constructor, before the site starts.
/// </summary>
public abstract class BrowserTest<TSite>(TSite site) : IClassFixture<TSite>, IAsyncLifetime
    where TSite : NewsroomSite
{
    private readonly List<IBrowserContext> _contexts = [];

    protected TSite Site { get; } = site;

    /// <summary>A page in a new browser profile, as a different person at a different computer would have.</summary>
    protected async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Site.NewContextAsync(phone);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in on the sign-in page in a new browser profile and returns the newsroom page.</summary>
    protected async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("/newsroom"));
        return page;
    }

    /// <summary>The absolute address of a path on the site, for URL assertions.</summary>
    protected string Url(string path) => new Uri(Site.Address, path).ToString();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
