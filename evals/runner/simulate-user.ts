import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';

/** The simulator itself failed (no reply, an endpoint error): counted apart from the agent's failures. */
export class SimulatorError extends Error {
  override name = 'SimulatorError';
}

/** What a simulated user pursues. */
export interface SimulationGoal {
  goal: string;
  persona: string;
  maxTurns: number;
}

const STOP = '###STOP###';

const text = (m: BaseMessage) => (typeof m.content === 'string' ? m.content : m.content.map((c) => ('text' in c ? c.text : '')).join('')).trim();

/**
 * A simulated billing analyst (tau-bench's user simulator): a chat model plays the user, writing
 * one message at a time towards a goal, in a persona, until it says the goal is reached or the
 * turn budget is spent. Only used with a real model; the offline run uses the scripted turns.
 */
export class SimulatedUser {
  constructor(private readonly model: BaseChatModel) {}

  /** Plays one conversation; `send` delivers a message to the agents and returns their answer. */
  async converse(sim: SimulationGoal, send: (message: string, turn: number) => Promise<string>): Promise<void> {
    const system = new SystemMessage(
      [
        'You play a billing analyst at a telecom operator, talking to the Switchboard billing assistant.',
        `Your persona: ${sim.persona}`,
        `Your goal: ${sim.goal}`,
        'Write only your next message to the assistant, as this person would type it: short, no explanations of the role play.',
        'Give the ids you know when asked. Do not invent ids or amounts.',
        `When the goal is reached, or the assistant clearly cannot help, reply with exactly ${STOP}.`,
      ].join('\n'),
    );
    // The simulator sees the conversation from the user's side: its own messages are the AI turns.
    const history: BaseMessage[] = [new HumanMessage('(The assistant is waiting for your first message.)')];
    for (let turn = 0; turn < sim.maxTurns; turn += 1) {
      let reply: string;
      try {
        reply = text(await this.model.invoke([system, ...history]));
      } catch (err) {
        throw new SimulatorError(`the simulated user failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!reply) throw new SimulatorError('the simulated user wrote nothing');
      if (reply.includes(STOP)) {
        if (turn === 0) throw new SimulatorError('the simulated user stopped before saying anything');
        return;
      }
      history.push(new AIMessage(reply));
      const answer = await send(reply.slice(0, 4000), turn);
      history.push(new HumanMessage(answer || '(no answer)'));
    }
  }
}
