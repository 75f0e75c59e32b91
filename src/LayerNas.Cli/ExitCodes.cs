namespace LayerNas.Cli;

/// <summary>What the layernas command's exit code means.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>Anything else went wrong; the search, if any, resumes when the command runs again.</summary>
    public const int Failure = 1;

    /// <summary>The command line, the spec or a file it names is wrong; nothing ran.</summary>
    public const int BadInput = 2;
}
