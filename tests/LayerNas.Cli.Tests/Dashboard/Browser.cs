using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using LayerNas.Cli.Tests.Support;

namespace LayerNas.Cli.Tests.Dashboard;

/// <summary>Debian's headless Chromium driven through its chromedriver, as a user's browser would load the dashboard.</summary>
internal sealed class Browser : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private Browser(ChromeDriver driver) => Driver = driver;

    public ChromeDriver Driver { get; }

    public static Browser Start()
    {
        var service = ChromeDriverService.CreateDefaultService("/usr/bin/chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000");
        return new Browser(new ChromeDriver(service, options, Deadline));
    }

    public void Open(string url) => Driver.Navigate().GoToUrl(url);

    /// <summary>The element once the page shows it; fails after the deadline.</summary>
    public IWebElement Find(string css) => Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), $"an element '{css}'");

    /// <summary>The element's text once <paramref name="condition"/> holds for it.</summary>
    public string TextWhen(string css, Func<string, bool> condition, string what) =>
        Until(d => d.FindElements(By.CssSelector(css)).Select(e => e.Text).FirstOrDefault(condition), what);

    /// <summary>
    /// Clicks <paramref name="css"/> until <paramref name="then"/> shows: a prerendered page shows its buttons before its
    /// circuit connects, and a click before that does nothing.
    /// </summary>
    public IWebElement ClickUntil(string css, string then) => Until(d =>
    {
        if (d.FindElements(By.CssSelector(then)).FirstOrDefault(e => e.Displayed) is { } shown)
        {
            return shown;
        }
        d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed)?.Click();
        return null;
    }, $"an element '{then}' after clicking '{css}'");

    public T Until<T>(Func<IWebDriver, T?> condition, string what)
    {
        var wait = new WebDriverWait(Driver, Deadline) { Message = $"the page did not show {what}" };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return wait.Until(d => condition(d))!;
    }

    /// <summary>Saves the page as a PNG where the docs keep their images.</summary>
    public void Screenshot(string name)
    {
        var folder = Path.Combine(Path.GetDirectoryName(Repository.File("README.md"))!, "docs", "images");
        Directory.CreateDirectory(folder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
