package th.go.agency.budget;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BudgetApplication {
  public static void main(String[] args) {
    SpringApplication.run(BudgetApplication.class, args);
  }
}
