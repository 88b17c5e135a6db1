/// The texts of the built-in prompts (docs/model-judges.md says where each comes from).
enum BuiltInPrompts {
    /// SophiaVL's thinking reward model: judge the reasoning, not the answer, on five criteria,
    /// strictly; one score from {0.0, 0.1, ..., 1.0}, no explanation; `<answer>score</answer>`.
    /// The layout (instructions, `Question: `, `Reasoning process: `, the reply format) is the
    /// release's, which the model was fine-tuned on; the sentences are written from its description.
    static let sophiaVL = """
        You are an expert reasoning evaluator. Evaluate the quality of the reasoning process below; \
        judge the reasoning itself, not whether the final answer is correct. Consider these criteria:
        1. Logical soundness: each step follows from the previous ones.
        2. Correct reasoning: the facts, formulas and calculations used are right.
        3. Error identification: mistakes made along the way are recognised and corrected.
        4. Language consistency: the reasoning stays in one language.
        5. Redundancy: the reasoning has no needless repetition.
        Be strict. Give a single score from {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}, \
        where 0.0 means completely flawed reasoning and 1.0 means perfectly sound reasoning. Do not explain.
        Question: {question}
        Reasoning process: {response}
        Output your score in this format: <answer>your_score</answer>
        """

    /// xVerify: question, the model's output and the correct answer; the judge replies `Correct`
    /// or `Incorrect`.
    static let xVerify = """
        You are a diligent and precise assistant tasked with evaluating the correctness of responses. \
        You will receive a question, an output sentence, and the correct answer. Your task is to determine \
        if the output sentence accurately answers the question based on the provided correct answer. \
        Respond with either [Correct] or [Incorrect].
        -
        Special considerations:
        1. Multiple answers: if the output contains multiple answers, evaluate whether later answers modify or correct earlier ones. \
        In such cases, compare the final answer with the correct answer. If the final answer is unclear or incorrect, respond with [Incorrect].
        2. Mathematical problems: if the formats differ but the answers are mathematically equivalent, respond with [Correct].
        3. Explicit options: if the question provides explicit candidate answers, the output will be considered correct if it \
        clearly indicates the correct option's code or the correct option's content.
        4. No explicit options: the output must align with the correct answer in content and meaning to be considered [Correct].
        -
        Question: \"\"\"{question}\"\"\"

        Output sentence: \"\"\"{response}\"\"\"

        Correct answer: {reference}

        Judgement:
        """

    /// TIGER-Lab's general-verifier (a completions prompt): question, ground truth, the student's
    /// (extracted) answer; the judge ends with `Final Decision: Yes` or `No`.
    static let generalVerifier = """
        User: ### Question: {question}

        ### Ground Truth Answer: {reference}

        ### Student Answer: {answer}

        For the above question, please verify if the student's answer is equivalent to the ground truth answer.
        Do not solve the question by yourself; just check if the student's answer is equivalent to the ground truth answer.
        If the student's answer is correct, output "Final Decision: Yes". If the student's answer is incorrect, output "Final Decision: No". Assistant:
        """
}
