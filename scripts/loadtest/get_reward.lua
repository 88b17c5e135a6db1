-- wrk script: single-sample OpenRLHF /get_reward requests, cycling through a few samples
-- (right, wrong, unformatted, LaTeX) so neither server answers one cached case.
local bodies = {
  '{"query":["<|user|>Natalia sold 48 clips in April and half as many in May. How many in all?<|assistant|><think>48 + 24 = 72</think><answer>72</answer>"],"prompts":["<|user|>Natalia sold 48 clips in April and half as many in May. How many in all?<|assistant|>"],"labels":["72"]}',
  '{"query":["<|user|>What is 7 * 8?<|assistant|><think>7*8 is 54</think><answer>54</answer>"],"prompts":["<|user|>What is 7 * 8?<|assistant|>"],"labels":["56"]}',
  '{"query":["<|user|>Half of 3?<|assistant|><think>3/2</think><answer>\\\\frac{3}{2}</answer>"],"prompts":["<|user|>Half of 3?<|assistant|>"],"labels":["1.5"]}',
  '{"query":["<|user|>What is 10% of 250?<|assistant|>It is 25, so the answer is \\\\boxed{25}"],"prompts":["<|user|>What is 10% of 250?<|assistant|>"],"labels":["25"]}',
}
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/get_reward", {["Content-Type"] = "application/json"}, bodies[i])
end
