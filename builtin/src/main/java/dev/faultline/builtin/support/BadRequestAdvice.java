package dev.faultline.builtin.support;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request parameter that is out of bounds with 400 and {@code {"error": "..."}}, the
 * message naming the parameter and its bound.
 */
@RestControllerAdvice
class BadRequestAdvice {

  @ExceptionHandler(InvalidRequestException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  Map<String, String> badRequest(InvalidRequestException e) {
    return Map.of("error", e.getMessage());
  }
}
