namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>
/// A built-in CNN space as a chain: a fixed stem, one block per search layer whose cost depends only on its own option
/// and the channels the previous block produced, and a classifier on the last block's channels.
/// </summary>
public interface IConvNetwork
{
    /// <summary>What the layers before the first search layer cost.</summary>
    ConvCost Stem { get; }

    /// <summary>The channels entering the first search layer.</summary>
    int StemWidth { get; }

    /// <summary>The channels an option of a layer produces.</summary>
    int Width(int layer, int option);

    /// <summary>What an option of a layer costs when <paramref name="inChannels"/> channels enter it.</summary>
    ConvCost Block(int layer, int option, int inChannels);

    /// <summary>What pooling and the classifier cost on <paramref name="width"/> channels.</summary>
    ConvCost Head(int width);
}
