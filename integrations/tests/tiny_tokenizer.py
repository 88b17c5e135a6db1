"""A word-level tokenizer built in place, for the framework tests: nothing is downloaded."""

WORDS = ["the", "answer", "is", "so", "we", "add", "and", "get", "then", "+", "=",
         "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
         "<think>", "</think>", "<answer>", "</answer>"]
TAGS = ["<think>", "</think>", "<answer>", "</answer>"]


def tiny_tokenizer(special_tags=False):
    """A transformers fast tokenizer over WORDS (split on white space, decoded with spaces between
    words). With special_tags the four tags are special tokens, as some reasoning models'
    tokenizers register them."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    specials = ["<pad>", "<s>", "</s>", "<unk>"]
    vocab = {w: i for i, w in enumerate(specials + WORDS)}
    backend = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend, pad_token="<pad>", bos_token="<s>",
                                        eos_token="</s>", unk_token="<unk>")
    if special_tags:
        tokenizer.add_special_tokens({"additional_special_tokens": TAGS})
    return tokenizer
