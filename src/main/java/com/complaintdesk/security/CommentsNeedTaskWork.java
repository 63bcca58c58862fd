package com.complaintdesk.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * Only who may work on a task may comment on it, and only who may change a process instance may comment on
 * that. Camunda 7.24 checks this when a comment is changed or deleted, but not when one is added: any user who
 * knows a task id (an auditor reading every task, say) could write into the record of a complaint. The check
 * runs inside the engine, so it holds for the engine REST API, Tasklist and Java callers alike; calls without
 * an authenticated user (the engine's own work) pass, as with every engine authorization check.
 */
@Component
class CommentsNeedTaskWork extends AbstractCamundaConfiguration {

  private static final Field TASK_ID = commandField("taskId");
  private static final Field PROCESS_INSTANCE_ID = commandField("processInstanceId");

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withGuard(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors) {
    var all = interceptors == null ? new ArrayList<CommandInterceptor>() : new ArrayList<>(interceptors);
    all.add(new Guard());
    return all;
  }

  /** Placed after the engine's command context interceptor, so that the command context is there. */
  private static final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof AddCommentCmd) {
        check(Context.getCommandContext(), read(TASK_ID, command), read(PROCESS_INSTANCE_ID, command));
      }
      return next.execute(command);
    }

    private static void check(CommandContext context, String taskId, String processInstanceId) {
      List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
      if (taskId != null) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task != null) {
          checkers.forEach(checker -> checker.checkTaskWork(task));
        }
      } else if (processInstanceId != null) {
        checkers.forEach(checker -> checker.checkUpdateProcessInstanceById(processInstanceId));
      }
    }
  }

  // The command keeps its ids in protected fields without getters.
  private static Field commandField(String name) {
    try {
      Field field = AddCommentCmd.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("AddCommentCmd has no field " + name + ": check this guard against the engine version", e);
    }
  }

  private static String read(Field field, Object command) {
    try {
      return (String) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field.getName() + " of AddCommentCmd", e);
    }
  }
}
