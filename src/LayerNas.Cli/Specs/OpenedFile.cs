using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LayerNas.Cli.Specs;

/// <summary>
/// A file opened for reading, and what the operating system says of the file that was opened — its real path, whether
/// it is a folder, its size and time — rather than of whatever its name leads to a moment later. Checks made on it
/// cannot be raced by a link swapped between the check and the read, since the read uses the same handle.
/// </summary>
internal sealed class OpenedFile : IDisposable
{
    // Linux's open(2) flags (the same on x86-64 and arm64). Without O_NONBLOCK, opening a pipe waits for a writer.
    private const int ReadOnly = 0x0;
    private const int NoControllingTerminal = 0x100;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    private const int NoSuchFile = 2;
    private const int NotAFolder = 20;
    private const int TooManyLinks = 40;

    private readonly SafeFileHandle _handle;

    private OpenedFile(SafeFileHandle handle, string realPath)
    {
        _handle = handle;
        RealPath = realPath;
    }

    /// <summary>The path of the file that was opened, every link resolved, as the kernel names it.</summary>
    public string RealPath { get; }

    /// <summary>Whether the opened file is a folder.</summary>
    public bool IsFolder => File.GetAttributes(_handle).HasFlag(FileAttributes.Directory);

    /// <summary>The opened file's size; 0 for a device, a pipe or a /proc file, which report none.</summary>
    public long Length
    {
        get
        {
            try
            {
                return RandomAccess.GetLength(_handle);
            }
            catch (NotSupportedException)
            {
                // A pipe or a socket cannot seek, so it has no length either.
                return 0;
            }
        }
    }

    /// <summary>When the opened file was last written.</summary>
    public DateTime LastWriteTimeUtc => File.GetLastWriteTimeUtc(_handle);

    /// <summary>
    /// Opens <paramref name="path"/> for reading without waiting on a pipe and without taking a terminal; throws
    /// <see cref="FileNotFoundException"/> when nothing is there, else <see cref="IOException"/> naming the reason.
    /// Elsewhere than on Linux, whose /proc names an open file's real path, the file is opened as .NET opens it and
    /// named by where its path leads when it is opened.
    /// </summary>
    public static OpenedFile Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new OpenedFile(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Specs.RealPath.Of(path));
        }
        var descriptor = NativeOpen(path, ReadOnly | NonBlocking | NoControllingTerminal | CloseOnExec);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error switch
            {
                NoSuchFile or NotAFolder => new FileNotFoundException($"{path} does not exist", path),
                TooManyLinks => new IOException("too many symbolic links"),
                _ => new IOException(Marshal.GetPInvokeErrorMessage(error)),
            };
        }
        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            var link = new FileInfo("/proc/self/fd/" + descriptor.ToString(CultureInfo.InvariantCulture)).LinkTarget;
            return new OpenedFile(handle, link ?? throw new IOException("the kernel names no path for the opened file"));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads the whole file from the handle it was checked by, failing with <paramref name="tooBig"/> past <paramref name="maxBytes"/> (it may have grown).</summary>
    public byte[] ReadAll(long maxBytes, Func<Exception> tooBig)
    {
        using var stream = new FileStream(_handle, FileAccess.Read, bufferSize: 0);
        using var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (bytes.Length + read > maxBytes)
            {
                throw tooBig();
            }
            bytes.Write(buffer, 0, read);
        }
        return bytes.ToArray();
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int NativeOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
