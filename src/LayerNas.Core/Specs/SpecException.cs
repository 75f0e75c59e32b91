namespace LayerNas.Core.Specs;

/// <summary>A search spec that cannot be used; the message is one line: "PATH: problem", or just the problem when it has no JSON path.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Reports one problem, at a JSON path such as <c>$.layers[2].options</c> when there is one.</summary>
    public SpecException(string message, string? jsonPath, Exception? inner = null)
        : base(jsonPath is null ? message : $"{jsonPath}: {message}", inner)
    {
        Problem = message;
        JsonPath = jsonPath;
    }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }

    /// <summary>Where in the spec it is wrong, or null for problems of the file or the JSON text as a whole.</summary>
    public string? JsonPath { get; }
}
